package benchmarks.stats;

import benchmarks.suite.Plan;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * What the runs in rounds share ({@code ShardingRun}, {@code PersistRun}): their arguments
 * ({@code --out dir}, {@code --rounds n}), every configuration measured once a round in an order
 * rotated each round, and the table written to a file of the output folder.
 */
public final class Rounds {

  /** Measures one configuration once: one JMH fork of it. */
  @FunctionalInterface
  public interface Measure {
    void measure(String configuration) throws Exception;
  }

  private final Path out;
  private final int count;
  private final long start = System.nanoTime();

  private Rounds(Path out, int count) {
    this.out = out;
    this.count = count;
  }

  /** The rounds {@code args} ask for: 3 into {@code results} unless they say otherwise. */
  public static Rounds of(String[] args) {
    Path out = Path.of("results");
    int count = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--rounds" -> count = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: --out dir [--rounds 3]");
      }
    }
    return new Rounds(out, count);
  }

  public int count() {
    return count;
  }

  /** Minutes since these rounds were made. */
  public long minutes() {
    return TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start);
  }

  /** Each round, every configuration once, the list rotated by {@code shift(round)} places first. */
  public void run(List<String> configurations, IntUnaryOperator shift, Measure measure) throws Exception {
    for (int round = 0; round < count; round++) {
      List<String> order = new ArrayList<>(configurations);
      Collections.rotate(order, -shift.applyAsInt(round));
      for (String configuration : order) {
        measure.measure(configuration);
      }
    }
  }

  /** One JMH fork's result, and the process CPU time per operation of each shot ({@link CpuTime}), in ns. */
  public record Fork(RunResult result, double[] cpuPerOperation) {
  }

  /**
   * One JMH fork of {@code include} (a benchmark method's pattern) with {@code params}, the
   * suite's JVM settings, {@code warmups} warm-up iterations of 2 s and {@code shots} shots of 1 s.
   */
  public static Fork fork(String include, Map<String, String> params, int warmups, int shots) throws Exception {
    Path cpuFile = Files.createTempFile("bench-cpu", ".txt");
    List<String> jvmArgs = new ArrayList<>(Plan.jvmArgs());
    jvmArgs.add(CpuTime.jvmArg(cpuFile));
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .verbosity(VerboseMode.SILENT)
        .forks(1)
        .jvmArgs(jvmArgs.toArray(String[]::new))
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(shots)
        .measurementTime(TimeValue.seconds(1));
    params.forEach(options::param);
    RunResult result = new Runner(options.build()).runSingle();
    return new Fork(result, CpuTime.perOperation(cpuFile, shots));
  }

  /** {@code metric} of every shot of {@code result}'s one benchmark. */
  public static double[] shots(RunResult result, ToDoubleFunction<IterationResult> metric) {
    return result.getBenchmarkResults().iterator().next().getIterationResults().stream().mapToDouble(metric).toArray();
  }

  /** Writes {@code table} to {@code fileName} in the output folder, and prints it. */
  public void write(String fileName, String table) throws Exception {
    Files.createDirectories(out);
    Files.writeString(out.resolve(fileName), table);
    System.out.println(table);
  }
}
