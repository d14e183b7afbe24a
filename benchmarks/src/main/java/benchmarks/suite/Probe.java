package benchmarks.suite;

import benchmarks.platform.Platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the suite measures outside JMH, in a JVM of its own per platform and fork (or in the
 * suite's JVM when smoke): {@code openloop PLATFORM WARMUP_MILLIS LEVEL_MILLIS [ASK|TELL]} prints
 * the ask (or tell round trip) latencies of {@link OpenLoop}, one line per level (one at a time,
 * then 10%, 50% and 80% of the platform's maximum rate measured here): p50, p99, p99.9 and max in µs, and the offered rate;
 * {@code bytes PLATFORM SIZE} prints the heap retained per idle actor.
 */
public final class Probe {

  private Probe() {
  }

  public static void main(String[] args) throws Exception {
    String platform = args[1];
    switch (args[0]) {
      case "openloop" -> {
        OpenLoop.Kind kind = args.length > 4 ? OpenLoop.Kind.valueOf(args[4]) : OpenLoop.Kind.ASK;
        for (double[] level : openLoop(platform, kind, Long.parseLong(args[2]), Long.parseLong(args[3]))) {
          System.out.printf(Locale.ROOT, "%f %f %f %f %f%n", level[0], level[1], level[2], level[3], level[4]);
        }
      }
      case "bytes" -> System.out.printf(Locale.ROOT, "%f%n", retainedBytesPerActor(platform, Integer.parseInt(args[2])));
      default -> throw new IllegalArgumentException("unknown probe " + args[0] + "; known: openloop, bytes");
    }
    System.exit(0);
  }

  /** The shares of the maximum rate the asks are offered at, in %. */
  static final int[] LEVELS = {10, 50, 80};

  /**
   * Per level, one at a time then each of {@link #LEVELS}: {p50, p99, p99.9, max} in µs and the
   * offered rate (0 one at a time), after a closed-loop warm-up of at least {@code warmupMillis};
   * each level is measured for {@code levelMillis}, after a fifth of that at its rate to settle.
   */
  static double[][] openLoop(String platform, OpenLoop.Kind kind, long warmupMillis, long levelMillis) throws Exception {
    try (Platform host = Platform.create(platform)) {
      OpenLoop loop = new OpenLoop(host, kind);
      loop.maximum(Duration.ofMillis(warmupMillis));
      double maximum = loop.maximum(Duration.ofMillis(levelMillis));
      Duration level = Duration.ofMillis(levelMillis);
      Duration settle = level.dividedBy(5);
      double[][] result = new double[LEVELS.length + 1][];
      loop.oneAtATime(settle);
      result[0] = withRate(OpenLoop.summary(loop.oneAtATime(level)), 0);
      for (int i = 0; i < LEVELS.length; i++) {
        double rate = maximum * LEVELS[i] / 100;
        loop.at(rate, settle);
        result[i + 1] = withRate(OpenLoop.summary(loop.at(rate, level)), rate);
      }
      return result;
    }
  }

  private static double[] withRate(double[] summary, double rate) {
    double[] line = Arrays.copyOf(summary, summary.length + 1);
    line[summary.length] = rate;
    return line;
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
