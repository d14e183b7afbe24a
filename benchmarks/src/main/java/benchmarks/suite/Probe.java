package benchmarks.suite;

import benchmarks.platform.Platform;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the suite measures outside JMH, in a JVM of its own per platform and fork (or in the
 * suite's JVM when smoke): {@code latency PLATFORM SIZE WARMUP_MILLIS ROUNDS} prints the p50 and
 * p99 of every ask of each measured round of the ask workload, in µs, one line a round, after
 * warming up for at least {@code WARMUP_MILLIS}; {@code bytes PLATFORM SIZE} prints the heap
 * retained per idle actor.
 */
public final class Probe {

  private Probe() {
  }

  public static void main(String[] args) throws Exception {
    String platform = args[1];
    int size = Integer.parseInt(args[2]);
    switch (args[0]) {
      case "latency" -> {
        for (double[] round : askLatencies(platform, size, Long.parseLong(args[3]), Integer.parseInt(args[4]))) {
          System.out.printf(Locale.ROOT, "%f %f%n", round[0], round[1]);
        }
      }
      case "bytes" -> System.out.printf(Locale.ROOT, "%f%n", retainedBytesPerActor(platform, size));
      default -> throw new IllegalArgumentException("unknown probe " + args[0] + "; known: latency, bytes");
    }
    System.exit(0);
  }

  /** Per measured round, {p50, p99} in µs of the asks of a round of the ask workload. */
  static double[][] askLatencies(String platform, int size, long warmupMillis, int rounds) throws Exception {
    try (Platform host = Platform.create(platform)) {
      Ask ask = new Ask();
      ask.setUp(host, size);
      long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
      do {
        ask.run();
      } while (System.nanoTime() < warmupEnd);
      double[][] result = new double[rounds][];
      for (int r = 0; r < rounds; r++) {
        ask.latencies = new long[size];
        ask.run();
        long[] sorted = ask.latencies;
        Arrays.sort(sorted);
        result[r] = new double[] {sorted[size / 2] / 1_000.0, sorted[(int) (size * 0.99)] / 1_000.0};
      }
      return result;
    }
  }

  /** Heap retained per idle actor: {@code size} actors, their references held. */
  static double retainedBytesPerActor(String platform, int size) throws Exception {
    try (Platform host = Platform.create(platform)) {
      Create create = new Create();
      create.setUp(host, 1_000);
      create.run(); // classes loaded, pools created
      long before = usedHeapAfterGc();
      create.setUp(host, size);
      create.run();
      long after = usedHeapAfterGc();
      if (create.created.length != size) {
        throw new IllegalStateException("lost actors");
      }
      return (double) (after - before) / size;
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
