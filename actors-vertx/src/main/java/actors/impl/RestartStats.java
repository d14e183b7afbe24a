package actors.impl;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * When the recent restarts happened, for a strategy's restart limit and back-off: OTP's
 * intensity within a sliding period. Used by actor supervisors and {@code SupervisorVerticle};
 * the owner's thread only.
 */
public final class RestartStats {

  private final ArrayDeque<Long> restarts = new ArrayDeque<>(4);

  /** How many restarts happened within {@code window} before {@code now}; forgets older ones. */
  public int restartsWithin(long now, Duration window) {
    long oldest = now - window.toNanos();
    while (!restarts.isEmpty() && restarts.peekFirst() - oldest <= 0) {
      restarts.pollFirst();
    }
    return restarts.size();
  }

  public void record(long now) {
    restarts.addLast(now);
  }
}
