package actors.impl;

import actors.PoisonPill;
import actors.internal.CallerContext;
import actors.internal.LocalRef;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/** {@code ActorSystem.gracefulStop}: a {@link PoisonPill}, and a Future that waits for the stop, bounded in time. */
final class GracefulStop {

  private GracefulStop() {
  }

  static Future<Void> stop(Vertx vertx, LocalRef local, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("gracefulStop timeout must be positive, was " + timeout);
    }
    Promise<Void> stopped = CallerContext.promise();
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> stopped.tryFail(new TimeoutException(
        local.path() + " did not stop within " + timeout.toMillis() + " ms of a graceful stop")));
    local.whenTerminated().onComplete(done -> {
      vertx.cancelTimer(timer);
      stopped.tryComplete();
    });
    local.tell(PoisonPill.INSTANCE);
    return stopped.future();
  }
}
