package benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How much the suite measures: forks per platform, and per fork a time-based warm-up and the
 * measured shots. Every fork of every platform gets {@link #jvmArgs()}.
 *
 * @param name          the mode's name, as the results header gives it
 * @param forks         forks per platform and workload, interleaved across the platforms
 * @param warmupShots   warm-up iterations of a fork
 * @param warmupTime    the length of a warm-up iteration
 * @param shots         measured iterations of a fork
 * @param shotTime      the length of an iteration: rounds run until it has passed (at least one)
 * @param latencyRounds measured rounds of the ask-latency probe, per fork
 */
public record Plan(String name, int forks, int warmupShots, Duration warmupTime, int shots, Duration shotTime, int latencyRounds) {

  /** Every workload once, in this JVM, one round each: checks that it runs, measures nothing. */
  static final Plan SMOKE = new Plan("smoke", 0, 0, Duration.ofMillis(1), 1, Duration.ofMillis(1), 1);

  /** For A/B work while developing: a few minutes, one fork per platform, too few for an interval. */
  static final Plan QUICK = new Plan("quick", 1, 2, Duration.ofSeconds(1), 3, Duration.ofSeconds(1), 3);

  /**
   * The committed table: 3 forks per platform, each warmed up for 10 s (5 shots of 2 s; Pekko's
   * ask had settled after about 5 s of asking) before 8 measured shots of 1 s.
   */
  static final Plan FULL = new Plan("full", 3, 5, Duration.ofSeconds(2), 8, Duration.ofSeconds(1), 5);

  boolean inProcess() {
    return forks == 0;
  }

  /** How many times each platform runs a workload: once in-process, else once per fork. */
  int rounds() {
    return Math.max(1, forks);
  }

  /**
   * Where a run writes its table: the directory after the last {@code --out} of {@code args} (the
   * exec goals pass the results directory first, so one given after it wins), else
   * {@code benchmarks/results}.
   */
  public static Path outDir(String[] args) {
    int out = Arrays.asList(args).lastIndexOf("--out");
    return Path.of(out >= 0 ? args[out + 1] : "benchmarks/results");
  }

  /**
   * The JVM settings of every fork, the same for every platform. The JDK's common pool runs
   * {@code CompletableFuture}'s async work; with fewer than 2 threads (its default on fewer than 3
   * CPUs) it starts a thread per task instead, which made Pekko's ask from outside 100 times
   * slower than it is. So it gets at least 2.
   */
  public static List<String> jvmArgs() {
    int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    return List.of("-Xms4g", "-Xmx4g", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism);
  }
}
