package actors.impl;

import actors.ActorInfo;
import io.vertx.core.Promise;

/**
 * Messages of the system channel: lifecycle, supervision and death watch. They go on a queue
 * of their own and are always processed before user messages, even while the actor is
 * suspended; that is what makes restart and stop deterministic.
 */
abstract class SystemMessage {

  /** Link in the mailbox's system stack; written before the message is published. */
  SystemMessage next;

  /** Run {@code preStart} on the new instance. */
  static final class Create extends SystemMessage {
    // Told how preStart went, when someone waits for it; else null.
    final Promise<Void> started;

    Create(Promise<Void> started) {
      this.started = started;
    }
  }

  /** Answer with a snapshot of the actor. */
  static final class Inspect extends SystemMessage {
    final Promise<ActorInfo> answer;

    Inspect(Promise<ActorInfo> answer) {
      this.answer = answer;
    }
  }

  /** Stop: children first, then {@code postStop}. */
  static final class Terminate extends SystemMessage {
  }

  /** Stop processing user messages (a parent failed); recursive. */
  static final class Suspend extends SystemMessage {
  }

  /** Undo a {@link Suspend}; with a cause, also clears this actor's own failure. */
  static final class Resume extends SystemMessage {
    final Throwable causedByFailure;

    Resume(Throwable causedByFailure) {
      this.causedByFailure = causedByFailure;
    }
  }

  /** Replace the failed instance with a new one. */
  static final class Recreate extends SystemMessage {
    final Throwable cause;

    Recreate(Throwable cause) {
      this.cause = cause;
    }
  }

  /** To a parent: its child failed and waits for a directive. */
  static final class Failed extends SystemMessage {
    final ActorCell child;
    final Throwable cause;

    Failed(ActorCell child, Throwable cause) {
      this.child = child;
      this.cause = cause;
    }
  }

  /** To a watchee: {@code watcher} wants to know when it stops. */
  static final class Watch extends SystemMessage {
    final ActorCell watcher;

    Watch(ActorCell watcher) {
      this.watcher = watcher;
    }
  }

  /** To a watchee: {@code watcher} no longer cares. */
  static final class Unwatch extends SystemMessage {
    final ActorCell watcher;

    Unwatch(ActorCell watcher) {
      this.watcher = watcher;
    }
  }

  /** To a parent and to every watcher: {@code actor} has stopped. */
  static final class DeathWatchNotification extends SystemMessage {
    final ActorCell actor;

    DeathWatchNotification(ActorCell actor) {
      this.actor = actor;
    }
  }

  /** To a watcher of an actor of another node: that actor has stopped, or its node has left. */
  static final class RemoteTerminated extends SystemMessage {
    final RemoteActorRef actor;

    RemoteTerminated(RemoteActorRef actor) {
      this.actor = actor;
    }
  }
}
