package actors.impl;

import actors.internal.CallerContext;
import actors.internal.SystemServices;
import actors.ActorRef;
import actors.AskTimeoutException;
import actors.MailboxFullException;
import actors.cluster.MessageEncodingException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** The ask pattern: a temporary reply reference, a promise and a timeout. */
public final class Asks {

  private Asks() {
  }

  /**
   * Sends {@code message} to {@code target} with a new {@link AskRef} as sender.
   *
   * @param targetTerminated fail at once instead of waiting out the timeout
   * @param targetContext    where the timeout runs when the caller is not on a context
   */
  public static <T> Future<T> ask(SystemServices system, ActorRef target, Object message, Duration timeout,
                           boolean targetTerminated, ContextInternal targetContext) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("ask timeout must be positive, was " + timeout);
    }
    ContextInternal caller = ContextInternal.current();
    if (targetTerminated) {
      return notDelivered(system, target, message, "recipient " + target.path() + " had already stopped");
    }
    if (system.isTerminated()) {
      return notDelivered(system, target, message, "actor system [" + system.name() + "] has terminated");
    }
    Promise<T> promise = CallerContext.promise();
    AskRef<T> replyTo = new AskRef<>(system, promise, target, message.getClass(), timeout);
    if (system.meters() != null) {
      replyTo.measure(system.meters());
    }
    ContextInternal timerContext = caller != null ? caller : targetContext;
    try {
      replyTo.timer = timerContext.nettyEventLoop().schedule(replyTo, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return notDelivered(system, target, message, "the Vertx of actor system [" + system.name() + "] is closed");
    }
    try {
      target.tell(message, replyTo);
    } catch (MailboxFullException | MessageEncodingException e) {
      replyTo.timer.cancel(false);
      promise.tryFail(e);
    }
    return promise.future();
  }

  /** The ask cannot be sent: its message is a dead letter, and its Future fails saying {@code why}. */
  private static <T> Future<T> notDelivered(SystemServices system, ActorRef target, Object message, String why) {
    system.deadLetterOffice().publish(message, null, target);
    return CallerContext.failed(new AskTimeoutException(why + "; the ask to " + target.path() + " with a message of type "
        + message.getClass().getName() + " was not delivered"));
  }
}
