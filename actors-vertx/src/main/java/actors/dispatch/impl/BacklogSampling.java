package actors.dispatch.impl;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * When a mailbox's size is looked at: at most once a second per thread, by a drain that used up
 * its turn with messages still waiting. Counting a lock-free queue walks it, so it is sampled,
 * never done per message; an actor that keeps up costs nothing at all.
 */
final class BacklogSampling {

  private static final long INTERVAL_NANOS = 1_000_000_000L;
  // The thread's last sample time, in a one-element array so that it is updated in place.
  private static final FastThreadLocal<long[]> LAST_SAMPLE = new FastThreadLocal<>() {
    @Override
    protected long[] initialValue() {
      return new long[] {System.nanoTime() - INTERVAL_NANOS};
    }
  };

  private BacklogSampling() {
  }

  /** Checks {@code mailbox} if this thread has not checked one within the interval. */
  static void sample(Mailbox mailbox) {
    long[] last = LAST_SAMPLE.get();
    long now = System.nanoTime();
    if (now - last[0] >= INTERVAL_NANOS) {
      last[0] = now;
      mailbox.checkBacklog();
    }
  }
}
