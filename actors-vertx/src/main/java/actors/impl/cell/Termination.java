package actors.impl.cell;

import actors.Actor;
import actors.ActorRef;
import actors.event.ActorStopped;
import actors.impl.cell.SystemMessages.ContinueStopping;
import actors.impl.cell.SystemMessages.DeathWatchNotification;
import actors.impl.cell.SystemMessages.Terminate;
import io.vertx.core.Promise;

import java.util.HashSet;
import java.util.List;

/**
 * How an actor stops: it stops processing user messages, its timers and watches, then its
 * children, and only once the last child has gone runs {@code postStop}, closes its mailbox
 * (what is left becomes dead letters) and tells its parent and watchers. So a parent's
 * {@code postStop} always runs after its children's. Actor thread only.
 */
final class Termination {

  private static final System.Logger LOG = System.getLogger("actors.lifecycle");
  private static final int STOP_SLICE = 4096;

  private Termination() {
  }

  /** Backs {@code context().stop(ref)}: this actor, after the current message, or one of its children. */
  static void stop(ActorCell cell, ActorRef ref) {
    ActorCell target = cell.cellOf(ref, "stop");
    if (target == cell) {
      cell.sendSystem(new Terminate());
    } else if (target.parent == cell) {
      stopChild(cell, target);
    } else {
      throw new IllegalArgumentException("context().stop stops this actor or one of its children; "
          + ref.path() + " is neither (use ActorSystem.stop)");
    }
  }

  /** Stops {@code child} (once, however often asked) and remembers it is going. */
  static void stopChild(ActorCell cell, ActorCell child) {
    RareState rare = cell.rare();
    if (rare.stoppingChildren == null) {
      rare.stoppingChildren = new HashSet<>();
    }
    if (rare.stoppingChildren.add(child)) {
      child.sendSystem(new Terminate());
    }
  }

  /** Begins stopping: children first. */
  static void terminate(ActorCell cell) {
    if (cell.terminating) {
      return;
    }
    cell.terminating = true;
    cell.mailbox.suspend();
    cancelTimers(cell);
    FaultHandling.cancelBackoffs(cell);
    DeathWatch.unwatchAll(cell);
    List<ActorCell> living = cell.childTable().close();
    if (living.isEmpty()) {
      finishTerminate(cell);
    } else {
      stopChildren(cell, living, 0);
    }
  }

  /**
   * Stops {@code children} from index {@code from} on, {@value #STOP_SLICE} at a time: the rest
   * waits for a task of its own on the actor's context, so stopping a parent of a million
   * children (the guardian, when the system terminates) yields the event loop between slices.
   */
  static void stopChildren(ActorCell cell, List<ActorCell> children, int from) {
    int to = Math.min(children.size(), from + STOP_SLICE);
    for (int i = from; i < to; i++) {
      stopChild(cell, children.get(i));
    }
    if (to < children.size()) {
      cell.context.runOnContext(next -> cell.sendSystem(new ContinueStopping(children, to)));
    }
  }

  /** Cancels the actor's timers and receive timeout: a stopping or restarting actor gets no ticks. */
  static void cancelTimers(ActorCell cell) {
    RareState rare = cell.rare;
    if (rare == null) {
      return;
    }
    if (rare.timers != null) {
      rare.timers.cancelAll();
    }
    if (rare.receiveTimeout != null) {
      rare.receiveTimeout.cancel();
    }
  }

  /** A child, or an actor this one watches, has stopped. */
  static void watchedActorTerminated(ActorCell cell, ActorCell dead) {
    RareState rare = cell.rare;
    if (dead.parent == cell) {
      cell.childTable().remove(dead);
      if (rare != null && rare.stoppingChildren != null) {
        rare.stoppingChildren.remove(dead);
      }
      if (rare != null && rare.childRestartStats != null) {
        rare.childRestartStats.remove(dead);
      }
    }
    DeathWatch.watcheeTerminated(cell, dead);
    if (cell.terminating) {
      if (cell.childTable().isEmpty()) {
        finishTerminate(cell);
      }
    } else if (rare != null && rare.recreateCause != null && rare.stoppingChildren.isEmpty()) {
      FaultHandling.finishRecreate(cell, rare.recreateCause);
    }
  }

  private static void finishTerminate(ActorCell cell) {
    Actor instance = cell.actor;
    try {
      if (instance != null) {
        instance.postStop();
      }
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] postStop of " + cell.path() + " threw", t);
    } finally {
      cell.actor = null;
      Behaviours.reset(cell);
      FaultHandling.clearFailure(cell);
      // Closed, the mailbox drains whatever it holds, stashed messages included, to dead letters.
      Behaviours.returnStashToMailbox(cell, true);
      cell.mailbox.close();
      cell.system.events().leave(cell.self);
      if (cell.mailbox.meters() != null) {
        cell.mailbox.meters().stopped(cell.mailbox.counts());
      }
      DeathWatch.tellWatchersWeDied(cell);
      if (cell.parent != null) {
        // Free the name now, not when the parent gets to the notification: whoever waits for
        // this stop may reuse the name at once.
        cell.parent.childTable().remove(cell);
        cell.parent.sendSystem(new DeathWatchNotification(cell));
      }
      // The event first: whoever waits for this stop (ActorSystem.stop, gracefulStop) then
      // finds it published, ahead of anything it sends once told.
      if (cell.system.events().hasSubscribers(ActorStopped.class)) {
        cell.system.events().publish(new ActorStopped(cell.self));
      }
      // Terminated only now: whoever finds the actor stopped (whenTerminated, from any thread)
      // also finds all of the above done.
      Promise<Void> promise;
      synchronized (cell) {
        cell.terminated = true;
        promise = cell.terminationPromise;
      }
      if (promise != null) {
        promise.complete();
      }
    }
  }
}
