package benchmarks.persistence;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The persist latencies of one benchmark iteration, recorded by the writers from any thread, printed at its end. */
final class Latencies {

  private final long[] values = new long[1_000_000];
  private final AtomicInteger next = new AtomicInteger();

  /** One persist took {@code nanos}; beyond the first million, not kept. */
  void record(long nanos) {
    int slot = next.getAndIncrement();
    if (slot < values.length) {
      values[slot] = nanos;
    }
  }

  /** Prints {@code [latency <label>] p50 .. µs p99 .. µs (n persists)}, if any was recorded. */
  void print(String label) {
    int count = Math.min(next.get(), values.length);
    if (count == 0) {
      return;
    }
    long[] taken = Arrays.copyOf(values, count);
    Arrays.sort(taken);
    System.out.printf(Locale.ROOT, "%n[latency %s] p50 %.0f µs p99 %.0f µs (%d persists)%n", label,
        taken[count / 2] / 1e3, taken[(int) (count * 0.99)] / 1e3, count);
  }
}
