package actors.event.impl;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most {@code perSecond} lines through each second and counts the rest, so that a
 * flood of dead letters cannot flood the log. Approximate under contention, which is enough.
 */
public final class RateLimitedLog {

  private static final long SECOND = 1_000_000_000L;

  private final System.Logger logger;
  private final int perSecond;
  private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
  private final AtomicInteger logged = new AtomicInteger();
  private final AtomicLong suppressed = new AtomicLong();

  public RateLimitedLog(System.Logger logger, int perSecond) {
    this.logger = logger;
    this.perSecond = perSecond;
  }

  /** Logs the line unless this second's lines are used up; the line is built only if logged. */
  public void log(System.Logger.Level level, java.util.function.Supplier<String> line) {
    if (!logger.isLoggable(level)) {
      return;
    }
    long now = System.nanoTime();
    long start = windowStart.get();
    if (now - start >= SECOND && windowStart.compareAndSet(start, now)) {
      logged.set(0);
    }
    if (logged.incrementAndGet() > perSecond) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    logger.log(level, skipped == 0 ? line.get() : line.get() + " (" + skipped + " similar lines were not logged)");
  }
}
