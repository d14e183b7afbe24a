package actors.cluster.impl;

import java.util.Arrays;

/**
 * The sequence numbers seen from one sender, as IPsec's anti-replay window keeps them: the
 * highest, and which of the {@value #SIZE} below it arrived. Batches of one sender leave from
 * several threads, so they may arrive a little out of order; a number seen before, or more
 * than the window below the highest, is refused. Not thread-safe: one decoder per sender.
 */
final class ReplayWindow {

  static final int SIZE = 1 << 16;
  private final long[] seen = new long[SIZE / 64];
  private long highest = Long.MIN_VALUE;

  /** Whether {@code sequence} is new, recording it if so. */
  boolean accept(long sequence) {
    if (highest == Long.MIN_VALUE || sequence > highest) {
      if (highest == Long.MIN_VALUE || sequence - highest >= SIZE) {
        Arrays.fill(seen, 0);
      } else {
        for (long skipped = highest + 1; skipped < sequence; skipped++) {
          clear(skipped);
        }
      }
      highest = sequence;
      set(sequence);
      return true;
    }
    if (highest - sequence >= SIZE || isSet(sequence)) {
      return false;
    }
    set(sequence);
    return true;
  }

  private void set(long sequence) {
    int bit = (int) (sequence & (SIZE - 1));
    seen[bit >>> 6] |= 1L << bit;
  }

  private void clear(long sequence) {
    int bit = (int) (sequence & (SIZE - 1));
    seen[bit >>> 6] &= ~(1L << bit);
  }

  private boolean isSet(long sequence) {
    int bit = (int) (sequence & (SIZE - 1));
    return (seen[bit >>> 6] & 1L << bit) != 0;
  }
}
