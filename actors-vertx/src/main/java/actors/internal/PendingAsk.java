package actors.internal;

import actors.ActorRef;
import io.vertx.core.Future;

/** The temporary reference an ask sends as its sender, as the cluster transport sees it. */
public interface PendingAsk extends ActorRef {

  /** Whom the question went to. */
  ActorRef target();

  /** Completes with the answer, or fails: timed out, unreachable, answered with a failure. */
  Future<?> future();

  /** Fails the ask now, unless it has been answered. */
  void fail(Throwable cause);
}
