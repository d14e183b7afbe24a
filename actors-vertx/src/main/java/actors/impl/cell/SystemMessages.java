package actors.impl.cell;

import actors.ActorRef;
import actors.dispatch.impl.SystemMessage;
import io.vertx.core.Promise;

import java.util.function.Function;

import java.util.List;

/**
 * The kinds of system message a cell processes: lifecycle, supervision and death watch. They
 * travel on the mailbox's system channel, ahead of every user message.
 */
final class SystemMessages {

  private SystemMessages() {
  }

  /** Run {@code preStart} on the new instance. */
  static final class Create extends SystemMessage {
    // Told how preStart went, when someone waits for it; else null.
    final Promise<Void> started;

    Create(Promise<Void> started) {
      this.started = started;
    }
  }

  /** Answer with what {@code query} reads of the actor, on its own thread. */
  static final class Inspect<T> extends SystemMessage {
    private final Promise<T> answer;
    private final Function<ActorCell, T> query;

    Inspect(Promise<T> answer, Function<ActorCell, T> query) {
      this.answer = answer;
      this.query = query;
    }

    void answer(ActorCell cell) {
      answer.complete(query.apply(cell));
    }
  }

  /** Stop: children first, then {@code postStop}. */
  static final class Terminate extends SystemMessage {
  }

  /** Stop the next slice of a stopping actor's children, from {@code from} on. */
  static final class ContinueStopping extends SystemMessage {
    final List<ActorCell> children;
    final int from;

    ContinueStopping(List<ActorCell> children, int from) {
      this.children = children;
      this.from = from;
    }
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
    final ActorRef actor;

    RemoteTerminated(ActorRef actor) {
      this.actor = actor;
    }
  }
}
