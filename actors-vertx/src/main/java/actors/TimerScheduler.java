package actors;

import java.time.Duration;

/**
 * An actor's timers, from {@link ActorContext#timers()}: messages the actor sends itself later,
 * once or repeatedly, each under a key.
 *
 * <p>Guarantees: starting a timer with a key in use replaces the old timer; once a timer is
 * cancelled or replaced, its message is never delivered, even if it was already queued in the
 * mailbox; every timer is cancelled when the actor stops or restarts. Timer messages have no
 * sender. The timers run on the actor's Vert.x context and, like the context, must be used only
 * from the actor's own code.
 */
public interface TimerScheduler {

  /**
   * Sends {@code message} to this actor once, after {@code delay}.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  void startSingleTimer(Object key, Object message, Duration delay);

  /**
   * Sends {@code message} to this actor every {@code interval}, the first time after one
   * interval, on a fixed schedule: a late tick does not shift the ones after it.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code interval} is not positive
   */
  void startTimerAtFixedRate(Object key, Object message, Duration interval);

  /**
   * Sends {@code message} to this actor repeatedly, the first time after {@code delay}, then
   * {@code delay} after the actor received the previous one: ticks never pile up in the
   * mailbox of a busy actor, and a late tick delays the ones after it.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code delay} is not positive
   */
  void startTimerWithFixedDelay(Object key, Object message, Duration delay);

  /** Whether a timer with this key is running: started, and (if single) not yet delivered nor cancelled. */
  boolean isTimerActive(Object key);

  /** Cancels the timer with this key, if any; its message is not delivered, even if already queued. */
  void cancel(Object key);

  /** Cancels every timer of this actor. */
  void cancelAll();
}
