package actors.impl.cell;

import actors.ReceiveTimeout;
import actors.TimerScheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An actor's {@link TimerScheduler}, built on Vert.x timers of the actor's context; created with
 * the first call to {@code timers()}.
 *
 * <p>A firing timer sends the actor a {@link Tick} that names its timer. The cell delivers the
 * tick's message only if that timer is still the one registered under its key: a cancelled or
 * replaced timer's tick, even one already queued, is dropped there (Pekko's guarantee).
 */
final class ActorTimers implements TimerScheduler {

  private final ActorCell cell;
  private final Map<Object, Timer> timers = new HashMap<>();

  private ActorTimers(ActorCell cell) {
    this.cell = cell;
  }

  /** Backs {@code context().timers()}: created with the first call. */
  static ActorTimers of(ActorCell cell) {
    RareState rare = cell.rare();
    if (rare.timers == null) {
      rare.timers = new ActorTimers(cell);
    }
    return rare.timers;
  }

  /** What a firing timer puts in the mailbox. */
  record Tick(Timer timer) {
  }

  /** One started timer. */
  final class Timer {

    final Object key;
    final Object message;
    final boolean single;
    // Fixed delay: a new Vert.x timer once each tick is delivered (fixed rate: one periodic timer).
    final boolean rearm;
    final long delayMillis;
    long vertxTimerId;

    Timer(Object key, Object message, boolean single, boolean rearm, long delayMillis) {
      this.key = key;
      this.message = message;
      this.single = single;
      this.rearm = rearm;
      this.delayMillis = delayMillis;
    }

    // Runs on the actor's context but touches no state: with the calling-thread dispatcher
    // the actor itself may be running on another thread.
    void fire() {
      cell.sendToSelf(new Tick(this));
    }
  }

  @Override
  public void startSingleTimer(Object key, Object message, Duration delay) {
    start(key, message, delay, false, false);
  }

  @Override
  public void startTimerAtFixedRate(Object key, Object message, Duration interval) {
    start(key, message, interval, true, true);
  }

  @Override
  public void startTimerWithFixedDelay(Object key, Object message, Duration delay) {
    start(key, message, delay, true, false);
  }

  private void start(Object key, Object message, Duration delay, boolean repeated, boolean fixedRate) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || (repeated && delay.isZero())) {
      throw new IllegalArgumentException("timer " + key + ": " + (repeated ? "interval must be positive" : "delay must not be negative")
          + ", was " + delay);
    }
    cancel(key);
    // Vert.x timers count whole milliseconds, at least one.
    long millis = Math.max(1, delay.toMillis());
    Timer timer = new Timer(key, message, !repeated, repeated && !fixedRate, millis);
    timer.vertxTimerId = fixedRate
        ? cell.context.setPeriodic(millis, id -> timer.fire())
        : cell.context.setTimer(millis, id -> timer.fire());
    timers.put(key, timer);
  }

  @Override
  public boolean isTimerActive(Object key) {
    return timers.containsKey(Objects.requireNonNull(key, "key"));
  }

  @Override
  public void cancel(Object key) {
    Timer timer = timers.remove(Objects.requireNonNull(key, "key"));
    if (timer != null) {
      cancelVertxTimer(timer);
    }
  }

  @Override
  public void cancelAll() {
    for (Timer timer : timers.values()) {
      cancelVertxTimer(timer);
    }
    timers.clear();
  }

  private void cancelVertxTimer(Timer timer) {
    cell.system.vertx().cancelTimer(timer.vertxTimerId);
  }

  /**
   * What to deliver of {@code message}, just taken from the mailbox of {@code cell}: a tick's
   * message while its timer is current, a receive timeout while it is on, anything else as it
   * is; null for what is stale. A delivered message restarts the receive timeout's silence.
   */
  static Object deliverable(ActorCell cell, Object message) {
    RareState rare = cell.rare;
    if (message instanceof Tick tick) {
      message = rare == null || rare.timers == null ? null : rare.timers.messageFor(tick);
      if (message == null) {
        return null; // its timer was cancelled or replaced after it fired
      }
    } else if (message == ReceiveTimeout.INSTANCE
        && (rare == null || rare.receiveTimeout == null || !rare.receiveTimeout.isOn())) {
      return null; // turned off after it was sent
    }
    if (rare != null && rare.receiveTimeout != null) {
      rare.receiveTimeout.messageReceived();
    }
    return message;
  }

  /**
   * The message to deliver for {@code tick}, or {@code null} when its timer was cancelled or
   * replaced since it fired. A single timer is done once its message is delivered.
   */
  Object messageFor(Tick tick) {
    Timer timer = tick.timer();
    if (timers.get(timer.key) != timer) {
      return null;
    }
    if (timer.single) {
      timers.remove(timer.key);
    } else if (timer.rearm) {
      timer.vertxTimerId = cell.context.setTimer(timer.delayMillis, id -> timer.fire());
    }
    return timer.message;
  }
}
