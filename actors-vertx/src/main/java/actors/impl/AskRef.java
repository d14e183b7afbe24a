package actors.impl;

import actors.ActorRef;
import actors.AskTimeoutException;
import actors.Status;
import actors.internal.NullReply;
import actors.internal.PendingAsk;
import actors.internal.SystemMeters;
import actors.internal.SystemServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * The sender of an ask: not an actor, only a reference whose first message completes the
 * ask's promise. Later messages, and a reply after the timeout, are dead letters. As a
 * {@link Runnable} it is the timeout task.
 */
final class AskRef<T> implements PendingAsk, Runnable {

  private static final VarHandle PATH;

  static {
    try {
      PATH = MethodHandles.lookup().findVarHandle(AskRef.class, "path", String.class);
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
  // Null while metrics are off.
  private SystemMeters meters;
  private long sentAt;
  // Given when the path is first asked for (rarely: dead letters, other nodes), not per ask.
  private volatile String path;

  AskRef(SystemServices system, Promise<T> promise, ActorRef target, Class<?> messageClass, Duration timeout) {
    this.system = system;
    this.promise = promise;
    this.target = target;
    this.messageClass = messageClass;
    this.timeout = timeout;
  }

  /** Reports this ask to {@code meters}: sent now, and how it ends; before it is sent. */
  void measure(SystemMeters meters) {
    this.meters = meters;
    this.sentAt = System.nanoTime();
    meters.askSent();
  }

  private void ended(SystemMeters.AskOutcome outcome) {
    if (meters != null) {
      meters.askEnded(outcome, System.nanoTime() - sentAt);
    }
  }

  /**
   * {@code /temp/ask-} and 128 bits ({@link AskIds}): the reply address of an ask sent to another
   * node, which no one who did not see it can guess.
   */
  @Override
  public String path() {
    String given = path;
    if (given == null) {
      String made = AskIds.next();
      given = PATH.compareAndSet(this, null, made) ? made : path;
    }
    return given;
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
      ended(SystemMeters.AskOutcome.FAILED);
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
      ended(message instanceof Status.Failure ? SystemMeters.AskOutcome.FAILED : SystemMeters.AskOutcome.ANSWERED);
    } else {
      system.deadLetterOffice().publish(message, sender, this, "the ask was already answered or timed out");
    }
  }

  @Override
  public void run() {
    boolean timedOut = promise.tryFail(new AskTimeoutException("ask timed out on " + target.path() + " after "
        + timeout.toMillis() + " ms: no reply to a message of type " + messageClass.getName()
        + "; a later reply goes to dead letters"));
    if (timedOut) {
      ended(SystemMeters.AskOutcome.TIMED_OUT);
    }
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
