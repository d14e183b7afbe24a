package actors.impl;

import actors.internal.NullReply;
import actors.internal.PendingAsk;
import actors.internal.SystemServices;
import actors.ActorRef;
import actors.AskTimeoutException;
import actors.Status;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.Objects;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender of an ask: not an actor, only a reference whose first message completes the
 * ask's promise. Later messages, and a reply after the timeout, are dead letters. As a
 * {@link Runnable} it is the timeout task.
 */
final class AskRef<T> implements PendingAsk, Runnable {

  private static final AtomicLong NEXT_ID = new AtomicLong();
  private static final VarHandle ID;

  static {
    try {
      ID = MethodHandles.lookup().findVarHandle(AskRef.class, "id", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SystemServices system;
  private final Promise<T> promise;
  private final ActorRef target;
  private final Class<?> messageClass;
  private final Duration timeout;
  // Set before the question is sent, so before any reply can arrive.
  ScheduledFuture<?> timer;
  // Given when the path is first asked for (rarely: dead letters, other nodes), not per ask.
  private volatile long id;

  AskRef(SystemServices system, Promise<T> promise, ActorRef target, Class<?> messageClass, Duration timeout) {
    this.system = system;
    this.promise = promise;
    this.target = target;
    this.messageClass = messageClass;
    this.timeout = timeout;
  }

  @Override
  public String path() {
    long given = id;
    if (given == 0) {
      long next = NEXT_ID.incrementAndGet();
      given = ID.compareAndSet(this, 0L, next) ? next : id;
    }
    return "/temp/ask-" + given;
  }

  @Override
  public ActorRef target() {
    return target;
  }

  @Override
  public Future<T> future() {
    return promise.future();
  }

  /** Fails the ask now, unless it has been answered. */
  @Override
  public void fail(Throwable cause) {
    if (promise.tryFail(cause)) {
      timer.cancel(false);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void tell(Object message, ActorRef sender) {
    Objects.requireNonNull(message, "message");
    boolean answered = message instanceof Status.Failure failure
        ? promise.tryFail(failure.cause())
        : promise.tryComplete(message == NullReply.INSTANCE ? null : (T) message);
    if (answered) {
      timer.cancel(false);
    } else {
      system.deadLetterOffice().publish(message, sender, this, "the ask was already answered or timed out");
    }
  }

  @Override
  public void run() {
    promise.tryFail(new AskTimeoutException("ask timed out on " + target.path() + " after "
        + timeout.toMillis() + " ms: no reply to a message of type " + messageClass.getName()
        + "; a later reply goes to dead letters"));
  }

  @Override
  public <R> Future<R> ask(Object message) {
    return ask(message, system.defaultAskTimeout());
  }

  @Override
  public <R> Future<R> ask(Object message, Duration timeout) {
    return Asks.ask(system, this, message, timeout, promise.future().isComplete(), system.anyContext());
  }

  @Override
  public String toString() {
    return "AskRef[" + path() + " for " + target.path() + "]";
  }
}
