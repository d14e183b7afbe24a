package actors.impl.cell;

import actors.DeathPactException;
import actors.Receive;
import actors.StashOverflowException;
import actors.Terminated;
import actors.dispatch.impl.Envelope;
import actors.internal.StopWhenDone;
import io.vertx.core.internal.ContextInternal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * What an actor receives with and what it sets aside: its {@code receive} or the behaviour on
 * top of the {@code become} stack, what it does not handle, and the stash. The state lives in
 * the cell's rare state; actor thread only.
 */
final class Behaviours {

  private Behaviours() {
  }

  /** Hands {@code message} to the behaviour on top of the stack, or to the actor's own {@code receive}. */
  static void receive(ActorCell cell, Object message) throws Exception {
    RareState rare = cell.rare;
    Receive behaviour = rare == null || rare.behaviours == null ? null : rare.behaviours.peek();
    if (behaviour == null) {
      ActorCell.ACTORS.receive(cell.actor, message);
    } else {
      behaviour.apply(message);
    }
  }

  /**
   * Backs {@code Actor.unhandled}: an unhandled {@code Terminated} fails the actor with
   * {@link DeathPactException}; anything else is logged.
   */
  static void unhandled(ActorCell cell, Object message) {
    if (message instanceof Terminated terminated) {
      throw new DeathPactException("watched actor " + terminated.actor().path()
          + " terminated and " + cell.path() + " did not handle the Terminated message");
    }
    cell.system.logUnhandled(message, cell.currentSender, cell.self);
  }

  static void become(ActorCell cell, Receive behaviour, boolean discardOld) {
    Objects.requireNonNull(behaviour, "behaviour");
    RareState rare = cell.rare();
    if (rare.behaviours == null) {
      rare.behaviours = new ArrayDeque<>(4);
    }
    if (discardOld && !rare.behaviours.isEmpty()) {
      rare.behaviours.pop();
    }
    rare.behaviours.push(behaviour);
  }

  static void unbecome(ActorCell cell) {
    RareState rare = cell.rare;
    if (rare != null && rare.behaviours != null && !rare.behaviours.isEmpty()) {
      rare.behaviours.pop();
    }
  }

  /** Back to the actor's own {@code receive}: a new instance starts with it. */
  static void reset(ActorCell cell) {
    if (cell.rare != null) {
      cell.rare.behaviours = null;
    }
  }

  /** Backs {@code Stash.stash()}. */
  static void stash(ActorCell cell, int capacity) {
    if (cell.currentMessage == null) {
      throw new IllegalStateException("stash() of " + cell.path() + " must be called while it processes a message");
    }
    RareState rare = cell.rare();
    if (rare.stashedCurrent) {
      throw new IllegalStateException("stash() of " + cell.path() + " was called twice for the same message, a "
          + cell.currentMessage.getClass().getName() + "; a message is stashed at most once");
    }
    if (rare.stashed == null) {
      rare.stashed = new ArrayDeque<>();
    }
    if (rare.stashed.size() >= capacity) {
      throw new StashOverflowException("the stash of " + cell.path() + " is full: " + capacity + " messages");
    }
    rare.stashed.addLast(new Envelope(cell.currentMessage, cell.currentSender));
    rare.stashedCurrent = true;
    if (cell.currentMessage instanceof Terminated terminated) {
      // Delivered once it is unstashed, unless the actor unwatches first.
      DeathWatch.terminatedStashed(cell, terminated.actor());
    }
  }

  /** A {@code StopWhenDone}: stashed behind what waits, or the stop now. */
  static void stopWhenDone(ActorCell cell) {
    RareState rare = cell.rare;
    boolean stashing = rare != null && rare.stashed != null && !rare.stashed.isEmpty();
    if (stashing || cell.actor instanceof StopWhenDone.Deferring deferring && deferring.deferStop()) {
      stash(cell, Integer.MAX_VALUE);
    } else {
      cell.sendSystem(new SystemMessages.Terminate());
    }
  }

  /** The message has been processed: the next one may be stashed. */
  static void messageDone(ActorCell cell) {
    RareState rare = cell.rare;
    if (rare != null) {
      rare.stashedCurrent = false;
    }
  }

  /** Backs {@code Stash.unstash()} and {@code Stash.unstashAll()}. */
  static void unstash(ActorCell cell, boolean all) {
    if (cell.currentMessage == null && ContextInternal.current() != cell.context) {
      throw new IllegalStateException((all ? "unstashAll()" : "unstash()") + " of " + cell.path()
          + " must be called from the actor's own code, on its context");
    }
    returnStashToMailbox(cell, all);
  }

  /** Puts stashed messages back at the front of the mailbox: all of them, or the oldest. */
  static void returnStashToMailbox(ActorCell cell, boolean all) {
    RareState rare = cell.rare;
    if (rare == null || rare.stashed == null || rare.stashed.isEmpty()) {
      return;
    }
    if (all) {
      cell.mailbox.returnToFront(List.copyOf(rare.stashed));
      rare.stashed.clear();
    } else {
      cell.mailbox.returnToFront(List.of(rare.stashed.pollFirst()));
    }
  }
}
