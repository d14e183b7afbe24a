package benchmarks.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /** Appends a line {@code p50-nanos p99-nanos} to {@code file}, or {@code 0 0} if nothing was recorded. */
  void append(Path file) throws IOException {
    long[] taken = sorted();
    String line = taken.length == 0 ? "0 0\n" : taken[taken.length / 2] + " " + taken[(int) (taken.length * 0.99)] + "\n";
    Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private long[] sorted() {
    long[] taken = Arrays.copyOf(values, Math.min(next.get(), values.length));
    Arrays.sort(taken);
    return taken;
  }

  /** Prints {@code [latency <label>] p50 .. µs p99 .. µs (n persists)}, if any was recorded. */
  void print(String label) {
    long[] taken = sorted();
    int count = taken.length;
    if (count == 0) {
      return;
    }
    System.out.printf(Locale.ROOT, "%n[latency %s] p50 %.0f µs p99 %.0f µs (%d persists)%n", label,
        taken[count / 2] / 1e3, taken[(int) (count * 0.99)] / 1e3, count);
  }
}
