package actors.internal;

import actors.SupervisorStrategy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the recent restarts happened, for a strategy's restart limit and back-off: OTP's
 * intensity within a sliding period. Used by actor supervisors and {@code SupervisorVerticle};
 * the owner's thread only.
 */
public final class RestartStats {

  private final ArrayDeque<Long> restarts = new ArrayDeque<>(4);

  /**
   * Asks {@code strategy} for one more restart now: the back-off to wait before it (zero
   * without back-off), recorded as a restart; or {@code null} when the limit is reached.
   */
  public Duration requestRestart(SupervisorStrategy strategy) {
    long now = System.nanoTime();
    long oldest = now - strategy.within().toNanos();
    while (!restarts.isEmpty() && restarts.peekFirst() - oldest <= 0) {
      restarts.pollFirst();
    }
    int recent = restarts.size();
    if (!strategy.allowsRestart(recent)) {
      return null;
    }
    restarts.addLast(now);
    return strategy.backoffDelay(recent, ThreadLocalRandom.current().nextDouble());
  }
}
