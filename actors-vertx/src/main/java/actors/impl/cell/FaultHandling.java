package actors.impl.cell;

import actors.ActorInfo;
import actors.ActorInitializationException;
import actors.Directive;
import actors.SupervisorStrategy;
import actors.event.ActorFailed;
import actors.event.ActorRestarted;
import actors.impl.cell.SystemMessages.Failed;
import actors.impl.cell.SystemMessages.Recreate;
import actors.impl.cell.SystemMessages.Resume;
import actors.impl.cell.SystemMessages.Suspend;
import actors.internal.RestartStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Failure and supervision: a failing actor suspends itself and its children and tells its
 * parent; the parent's strategy decides (a pure function of the cause and the recent restarts)
 * and this class carries the directive out. Actor thread only; the state lives in the cell's
 * rare state.
 *
 * <p>A restart keeps the mailbox: only the message that failed is lost. The new instance is
 * created only once the children that {@code preRestart} stopped are gone, so it may reuse
 * their names.
 *
 * <p>Suspension is counted, and every unit is given back exactly once: an actor's own failure
 * holds one until its supervisor's directive on that report is carried out (a resume, a
 * restart, or, when the supervisor escalates, the directive on the supervisor's own failure);
 * each {@code Suspend} holds one until the matching {@code Resume} or {@code Recreate}. An
 * actor holds each of its children once per unit it holds itself, a child created while it is
 * suspended included: such a child starts with that many units.
 *
 * <p>An instance has started when its {@code preStart} (or, after a restart, its
 * {@code postRestart}) returned. One that did not start is dropped at once: it gets neither
 * {@code preRestart} nor {@code postStop}, and what replaces it starts afresh, as Pekko does:
 * its children are stopped and the new instance gets {@code preStart}.
 */
final class FaultHandling {

  private static final System.Logger LOG = System.getLogger("actors.supervision");

  private FaultHandling() {
  }

  /** {@code receive} or a lifecycle hook threw {@code cause} while processing {@code message}. */
  static void handleInvokeFailure(ActorCell cell, Throwable cause, Object message) {
    if (cell.mailbox.meters() != null) {
      cell.mailbox.meters().failed(cause);
    }
    if (cell.terminating) {
      LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] " + cell.path() + " failed while stopping", cause);
      return;
    }
    if (isFailed(cell)) {
      LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] " + cell.path()
          + " failed again while waiting for its supervisor", cause);
      return;
    }
    cell.mailbox.suspend();
    for (ActorCell child : cell.childCells()) {
      child.sendSystem(new Suspend());
    }
    reportFailure(cell, cause, message);
  }

  /** Records the failure and tells the supervisor; the mailbox is already suspended. */
  private static void reportFailure(ActorCell cell, Throwable cause, Object message) {
    RareState rare = cell.rare();
    rare.failure = cause;
    rare.failedMessage = message;
    cell.system.failing().add(cell, cause);
    if (cell.parent != null) {
      cell.parent.sendSystem(new Failed(cell, cause));
    } else {
      rare.escalation.accept(cause);
    }
  }

  /** As the supervisor: {@code child} failed with {@code cause}. */
  static void handleChildFailure(ActorCell cell, ActorCell child, Throwable cause) {
    if (cell.terminating || cell.childCell(Names.of(child)) != child) {
      return; // it is being stopped anyway
    }
    // As in Pekko, sender() inside supervisorStrategy() and its decider is the failed child.
    cell.currentSender = child.self;
    SupervisorStrategy strategy;
    Directive directive;
    try {
      strategy = supervisorStrategy(cell);
      directive = strategy.decide(cause);
    } finally {
      cell.currentSender = null;
    }
    Duration delay = Duration.ZERO;
    boolean limitReached = false;
    if (directive == Directive.RESTART) {
      delay = restartStats(cell, strategy, child).requestRestart(strategy);
      if (delay == null) {
        delay = Duration.ZERO;
        directive = Directive.STOP;
        limitReached = true;
      }
    }
    if (strategy.loggingEnabled()) {
      LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] " + child.path() + " failed: " + cause
          + "; supervisor " + cell.path() + " decided " + directive
          + (limitReached ? " (restart limit reached)" : "")
          + (delay.isZero() ? "" : " after a back-off of " + delay.toMillis() + " ms"), cause);
    }
    if (cell.system.events().hasSubscribers(ActorFailed.class)) {
      cell.system.events().publish(new ActorFailed(child.self, cause, directive));
    }
    switch (directive) {
      case RESUME -> child.sendSystem(new Resume(cause));
      case RESTART, STOP -> {
        List<ActorCell> affected = affected(cell, strategy.scope(), child);
        if (affected == null) {
          return; // it has stopped since, like a child that had stopped before
        } else if (directive == Directive.RESTART) {
          restartChildren(cell, affected, child, cause, delay);
        } else {
          affected.forEach(stopping -> Termination.stopChild(cell, stopping));
        }
      }
      case ESCALATE -> escalate(cell, child, cause);
    }
  }

  /**
   * The children a restart or stop of {@code failed} applies to, or null if {@code failed} is no
   * longer among them: a child stopped from elsewhere leaves its parent's table on its own
   * thread, even while the parent handles its report.
   */
  private static List<ActorCell> affected(ActorCell cell, SupervisorStrategy.Scope scope, ActorCell failed) {
    if (scope == SupervisorStrategy.Scope.ONE_FOR_ONE) {
      return List.of(failed);
    }
    List<ActorCell> children = cell.childCells();
    return children.contains(failed) ? scope.select(children, failed) : null;
  }

  /**
   * This actor fails with its child's cause. The child stays suspended by its own failure, and
   * this actor owes it that unit back once its own supervisor has decided: see {@link #resume}
   * and {@link #finishRecreate}. Also when this actor has already failed and waits itself.
   */
  private static void escalate(ActorCell cell, ActorCell child, Throwable cause) {
    RareState rare = cell.rare();
    if (rare.escalatedChildren == null) {
      rare.escalatedChildren = new ArrayList<>(1);
    }
    rare.escalatedChildren.add(child);
    if (!isFailed(cell)) {
      handleInvokeFailure(cell, cause, null);
    }
  }

  private static RestartStats restartStats(ActorCell cell, SupervisorStrategy strategy, ActorCell child) {
    RareState rare = cell.rare();
    if (rare.childRestartStats == null) {
      rare.childRestartStats = new HashMap<>();
    }
    // One-for-one counts per child (Pekko); the group strategies per supervisor (OTP).
    return rare.childRestartStats.computeIfAbsent(strategy.scope() == SupervisorStrategy.Scope.ONE_FOR_ONE ? child : cell,
        key -> new RestartStats());
  }

  private static void restartChildren(ActorCell cell, List<ActorCell> affected, ActorCell failed, Throwable cause,
                                      Duration delay) {
    for (ActorCell sibling : affected) {
      if (sibling != failed) {
        // Siblings are healthy: held like the failed child until they restart together.
        sibling.sendSystem(new Suspend());
      }
    }
    if (delay.isZero()) {
      for (ActorCell child : affected) {
        child.sendSystem(new Recreate(cause));
      }
      return;
    }
    // Back-off: a timer on this actor's context. If this actor stops first, its children are
    // stopped and the late Recreate finds them terminating, which ignores it.
    RareState rare = cell.rare();
    if (rare.backoffTimers == null) {
      rare.backoffTimers = new HashSet<>();
    }
    long timer = cell.context.setTimer(Math.max(1, delay.toMillis()), id -> {
      if (rare.backoffTimers != null) {
        rare.backoffTimers.remove(id);
      }
      for (ActorCell child : affected) {
        child.sendSystem(new Recreate(cause));
      }
    });
    rare.backoffTimers.add(timer);
  }

  /** Cancels the back-offs of restarts not yet carried out: the actor is stopping. */
  static void cancelBackoffs(ActorCell cell) {
    RareState rare = cell.rare;
    if (rare != null && rare.backoffTimers != null) {
      for (long timer : rare.backoffTimers) {
        cell.system.vertx().cancelTimer(timer);
      }
      rare.backoffTimers = null;
    }
  }

  private static SupervisorStrategy supervisorStrategy(ActorCell cell) {
    if (cell.actor == null) {
      return SupervisorStrategy.defaultStrategy();
    }
    try {
      SupervisorStrategy strategy = cell.actor.supervisorStrategy();
      return strategy != null ? strategy : SupervisorStrategy.defaultStrategy();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] supervisorStrategy() of " + cell.path() + " threw", e);
      return SupervisorStrategy.defaultStrategy();
    }
  }

  /** A parent failed, or a sibling restarts with this one: process only system messages. */
  static void suspend(ActorCell cell) {
    cell.mailbox.suspend();
    for (ActorCell child : cell.childCells()) {
      child.sendSystem(new Suspend());
    }
  }

  /** Undoes a suspension; with a cause, the supervisor resumed this actor after its failure. */
  static void resume(ActorCell cell, Throwable causedByFailure) {
    if (cell.terminating) {
      return;
    }
    RareState rare = cell.rare;
    List<ActorCell> escalated = null;
    if (causedByFailure != null && rare != null && rare.recreateCause == null) {
      if (cell.actor == null && rare.failure != null) {
        // The instance never started: there is nothing to resume, so it starts afresh.
        recreate(cell, causedByFailure);
        return;
      }
      clearFailure(cell);
      escalated = rare.escalatedChildren;
      rare.escalatedChildren = null;
    }
    cell.mailbox.resume();
    for (ActorCell child : cell.childCells()) {
      child.sendSystem(new Resume(null));
    }
    if (escalated != null) {
      // The failures this actor escalated are resumed with it.
      for (ActorCell child : escalated) {
        child.sendSystem(new Resume(causedByFailure));
      }
    }
  }

  /** The supervisor restarts this actor: {@code preRestart} on the old instance, then a new one. */
  static void recreate(ActorCell cell, Throwable cause) {
    if (cell.terminating) {
      return;
    }
    RareState rare = cell.rare();
    if (rare.recreateCause != null) {
      // A restart is under way and will give back one unit: this one is given back now.
      resume(cell, null);
      return;
    }
    Termination.cancelTimers(cell);
    if (cell.actor != null) {
      try {
        cell.actor.preRestart(cause, rare.failedMessage);
      } catch (Throwable t) {
        LOG.log(System.Logger.Level.ERROR, "[" + cell.system.name() + "] preRestart of " + cell.path()
            + " threw; restarting anyway", t);
      }
      rare.freshStart = false;
    } else {
      // No instance started: the actor starts afresh, without the children of the one that failed.
      rare.freshStart = true;
      for (ActorCell child : cell.childCells()) {
        Termination.stopChild(cell, child);
      }
    }
    cell.actor = null;
    Behaviours.reset(cell);
    // The new instance sees what the old one stashed first, as Pekko does.
    Behaviours.returnStashToMailbox(cell, true);
    if (rare.stoppingChildren != null && !rare.stoppingChildren.isEmpty()) {
      // The new instance may reuse the names of the children preRestart stopped.
      rare.recreateCause = cause;
    } else {
      finishRecreate(cell, cause);
    }
  }

  /** Creates the new instance, once no child stopped by {@code preRestart} is left. */
  static void finishRecreate(ActorCell cell, Throwable cause) {
    RareState rare = cell.rare();
    rare.recreateCause = null;
    // Children that preRestart kept were suspended with this actor: they restart with it.
    // Taken before the new instance runs, which may create children of its own.
    List<ActorCell> survivors = cell.childCells();
    // The restart's unit is given back before the new instance runs, so the children it creates
    // are held only for the units this actor still holds (as in Pekko).
    cell.mailbox.resume();
    String hook = rare.freshStart ? "preStart" : "postRestart";
    try {
      cell.actor = Creation.newInstance(cell);
      if (rare.freshStart) {
        cell.actor.preStart();
      } else {
        cell.actor.postRestart(cause);
      }
    } catch (ActorInitializationException e) {
      failedToRestart(cell, survivors, e);
      return;
    } catch (Throwable t) {
      failedToRestart(cell, survivors,
          new ActorInitializationException(cell.path(), hook + " of " + cell.path() + " threw " + t, t));
      return;
    }
    clearFailure(cell);
    rare.restartCount++;
    if (cell.mailbox.meters() != null) {
      cell.mailbox.meters().restarted(cause);
    }
    if (cell.system.events().hasSubscribers(ActorRestarted.class)) {
      cell.system.events().publish(new ActorRestarted(cell.self, cause));
    }
    List<ActorCell> escalated = rare.escalatedChildren;
    rare.escalatedChildren = null;
    for (ActorCell child : survivors) {
      if (rare.stoppingChildren == null || !rare.stoppingChildren.contains(child)) {
        if (escalated != null) {
          // A unit per failure of its own that this actor escalated (a child may have reported
          // twice: once before a restart that did not answer that report, once after).
          for (ActorCell reported : escalated) {
            if (reported == child) {
              child.sendSystem(new Resume(null));
            }
          }
        }
        child.sendSystem(new Recreate(cause));
      }
    }
  }

  /**
   * The new instance threw: dropped, it never started. This actor fails again and holds a unit
   * again, and so do the children that instance created; the survivors still hold theirs.
   */
  private static void failedToRestart(ActorCell cell, List<ActorCell> survivors, ActorInitializationException cause) {
    cell.actor = null;
    cell.mailbox.suspend();
    Set<ActorCell> kept = new HashSet<>(survivors);
    for (ActorCell child : cell.childCells()) {
      if (!kept.contains(child)) {
        child.sendSystem(new Suspend());
      }
    }
    reportFailure(cell, cause, null);
  }

  /** The failure has been dealt with: resumed, restarted or stopped. */
  static void clearFailure(ActorCell cell) {
    RareState rare = cell.rare;
    if (rare == null) {
      return;
    }
    if (rare.failure != null) {
      rare.failure = null;
      cell.system.failing().remove(cell);
    }
    rare.failedMessage = null;
  }

  static boolean isFailed(ActorCell cell) {
    return cell.rare != null && cell.rare.failure != null;
  }

  /** The actor as {@code inspect} reports it, taken on its own thread. */
  static ActorInfo info(ActorCell cell) {
    int restarts = cell.rare == null ? 0 : cell.rare.restartCount;
    if (cell.terminated) {
      return new ActorInfo(cell.path(), ActorInfo.State.STOPPED, 0, restarts);
    }
    ActorInfo.State state = cell.terminating ? ActorInfo.State.STOPPING
        : isFailed(cell) || cell.mailbox.isSuspended() ? ActorInfo.State.SUSPENDED : ActorInfo.State.RUNNING;
    return new ActorInfo(cell.path(), state, cell.mailbox.size(), restarts);
  }
}
