package actors.testkit;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.Terminated;
import io.vertx.core.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in actor for tests: a reference that records what it receives, and assertions that
 * wait for it from the test thread (such as JUnit's, with {@code VertxExtension}).
 * <pre>{@code
 * TestProbe probe = new TestProbe(system);
 * probe.send(greeter, "world");
 * probe.expectMsg("Hello, world!");
 * }</pre>
 *
 * <p>Each {@code expect} method waits at most its timeout ({@link #DEFAULT_TIMEOUT} unless
 * given) and fails with an {@link AssertionError} that says what arrived instead. They block,
 * so they refuse to run on an event-loop thread. Messages are consumed in arrival order.
 */
public final class TestProbe {

  /** How long an {@code expect} method waits unless told otherwise: 3 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  /** How long {@link #expectNoMsg()} listens: 100 milliseconds. */
  public static final Duration DEFAULT_NO_MSG_TIMEOUT = Duration.ofMillis(100);

  private static final AtomicInteger COUNT = new AtomicInteger();

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Duration defaultTimeout;
  private final ActorRef ref;
  private volatile ActorRef lastSender;

  private record Received(Object message, ActorRef sender) {
  }

  private record WatchCommand(ActorRef target, boolean watch) {
  }

  /** A probe in {@code system}, an actor named {@code testProbe-<n>}. */
  public TestProbe(ActorSystem system) {
    this(system, DEFAULT_TIMEOUT);
  }

  /**
   * A probe whose {@code expect} methods wait {@code defaultTimeout} unless told otherwise.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public TestProbe(ActorSystem system, Duration defaultTimeout) {
    Objects.requireNonNull(system, "system");
    this.defaultTimeout = positive(defaultTimeout);
    this.ref = system.actorOf(Props.create(ProbeActor.class, () -> new ProbeActor(received)),
        "testProbe-" + COUNT.incrementAndGet());
  }

  /** The probe's reference: give it to the actor under test. */
  public ActorRef ref() {
    return ref;
  }

  /** Sends {@code message} to {@code target} with this probe as the sender. */
  public void send(ActorRef target, Object message) {
    Objects.requireNonNull(target, "target").tell(message, ref);
  }

  /**
   * Answers the sender of the last message received, with this probe as the sender.
   *
   * @throws IllegalStateException if nothing has been received yet
   */
  public void reply(Object message) {
    lastSender().tell(message, ref);
  }

  /**
   * The sender of the last message an {@code expect} or {@code receive} method returned.
   *
   * @throws IllegalStateException if nothing has been received yet
   */
  public ActorRef lastSender() {
    ActorRef sender = lastSender;
    if (sender == null) {
      throw new IllegalStateException("the probe has not received a message yet");
    }
    return sender;
  }

  /** Watches {@code target}: its end arrives as a {@link Terminated} message. */
  public ActorRef watch(ActorRef target) {
    ref.tell(new WatchCommand(Objects.requireNonNull(target, "target"), true));
    return target;
  }

  /** Stops watching {@code target}. */
  public ActorRef unwatch(ActorRef target) {
    ref.tell(new WatchCommand(Objects.requireNonNull(target, "target"), false));
    return target;
  }

  /** Waits for the next message, which must equal {@code expected}; returns it. */
  public <T> T expectMsg(T expected) {
    return expectMsg(defaultTimeout, expected);
  }

  /** Waits at most {@code timeout} for the next message, which must equal {@code expected}; returns it. */
  @SuppressWarnings("unchecked")
  public <T> T expectMsg(Duration timeout, T expected) {
    Objects.requireNonNull(expected, "expected");
    Received next = next(timeout, "expectMsg");
    if (next == null) {
      throw new AssertionError("expected message " + describe(expected) + " within " + millis(timeout)
          + " but received nothing");
    }
    if (!expected.equals(next.message())) {
      throw new AssertionError("expected message " + describe(expected) + " but received " + describe(next));
    }
    return (T) next.message();
  }

  /** Waits for the next message, which must be an instance of {@code type}; returns it. */
  public <T> T expectMsgClass(Class<T> type) {
    return expectMsgClass(defaultTimeout, type);
  }

  /** Waits at most {@code timeout} for the next message, which must be an instance of {@code type}; returns it. */
  public <T> T expectMsgClass(Duration timeout, Class<T> type) {
    Objects.requireNonNull(type, "type");
    Received next = next(timeout, "expectMsgClass");
    if (next == null) {
      throw new AssertionError("expected a message of " + type.getName() + " within " + millis(timeout)
          + " but received nothing");
    }
    if (!type.isInstance(next.message())) {
      throw new AssertionError("expected a message of " + type.getName() + " but received " + describe(next));
    }
    return type.cast(next.message());
  }

  /** Asserts that no message arrives within {@link #DEFAULT_NO_MSG_TIMEOUT}. */
  public void expectNoMsg() {
    expectNoMsg(DEFAULT_NO_MSG_TIMEOUT);
  }

  /** Asserts that no message arrives within {@code duration}; waits all of it. */
  public void expectNoMsg(Duration duration) {
    Received next = next(duration, "expectNoMsg");
    if (next != null) {
      throw new AssertionError("expected no message within " + millis(duration) + " but received " + describe(next));
    }
  }

  /** Watches {@code target} and waits for its {@link Terminated}, which must be the next message. */
  public Terminated expectTerminated(ActorRef target) {
    return expectTerminated(defaultTimeout, target);
  }

  /** Watches {@code target} and waits at most {@code timeout} for its {@link Terminated}, which must be the next message. */
  public Terminated expectTerminated(Duration timeout, ActorRef target) {
    watch(target);
    Received next = next(timeout, "expectTerminated");
    if (next == null) {
      throw new AssertionError("expected " + target.path() + " to terminate within " + millis(timeout)
          + " but it did not");
    }
    if (!(next.message() instanceof Terminated terminated) || !terminated.actor().equals(target)) {
      throw new AssertionError("expected Terminated of " + target.path() + " but received " + describe(next));
    }
    return terminated;
  }

  /** Waits for the next {@code n} messages and returns them in arrival order. */
  public List<Object> receiveN(int n) {
    return receiveN(n, defaultTimeout);
  }

  /** Waits at most {@code timeout} in all for the next {@code n} messages and returns them in arrival order. */
  public List<Object> receiveN(int n, Duration timeout) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    long deadline = System.nanoTime() + positive(timeout).toNanos();
    List<Object> messages = new ArrayList<>(n);
    while (messages.size() < n) {
      Received next = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), "receiveN");
      if (next == null) {
        throw new AssertionError("expected " + n + " messages within " + millis(timeout) + " but received "
            + messages.size() + ": " + messages);
      }
      messages.add(next.message());
    }
    return messages;
  }

  private Received next(Duration timeout, String method) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("TestProbe." + method + " blocks and must not run on an event loop ("
          + Thread.currentThread().getName() + "); call it from the test thread");
    }
    try {
      Received next = received.poll(Objects.requireNonNull(timeout, "timeout").toNanos(), TimeUnit.NANOSECONDS);
      if (next != null) {
        lastSender = next.sender();
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting in TestProbe." + method, e);
    }
  }

  private static Duration positive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return timeout;
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }

  private static String describe(Object message) {
    return "<" + message + "> (" + message.getClass().getName() + ")";
  }

  private static String describe(Received received) {
    return describe(received.message()) + " from " + received.sender().path();
  }

  @Override
  public String toString() {
    return "TestProbe[" + ref.path() + "]";
  }

  /** Records everything it receives; handles the probe's watch commands itself. */
  private static final class ProbeActor extends Actor {

    private final BlockingQueue<Received> received;

    ProbeActor(BlockingQueue<Received> received) {
      this.received = received;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof WatchCommand command) {
        if (command.watch()) {
          context().watch(command.target());
        } else {
          context().unwatch(command.target());
        }
      } else {
        received.add(new Received(message, sender()));
      }
    }
  }
}
