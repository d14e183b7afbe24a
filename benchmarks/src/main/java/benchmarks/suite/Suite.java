package benchmarks.suite;

import benchmarks.stats.CpuTime;
import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the whole suite, ours against Apache Pekko and the plain Vert.x event bus in one run, and
 * writes {@code results.md} and {@code results.json} ({@link Report}). Every workload runs in
 * forks of its own, interleaved across the platforms (ours, pekko, bus; then pekko, bus, ours;
 * ...), each fork warmed up by time before its measured shots ({@link Plan}); ratios come with
 * a bootstrap interval over the paired forks ({@link Ratio}).
 *
 * <p>Arguments: {@code --quick} (a few minutes, one fork each, for A/B work), {@code --smoke}
 * (tiny sizes, one in-process round each: checks that every workload runs, measures nothing),
 * {@code --out DIR} (default {@code benchmarks/results}), {@code --only WORKLOAD} (one throughput
 * workload, e.g. {@code tell-throughput} with its limit, in the mode's forks). Without a mode:
 * the full run.
 */
public final class Suite {

  static final List<String> PLATFORMS = List.of("ours", "pekko", "eventbus");
  /** Tells are also measured against their physical limit ({@link benchmarks.platform.MpscLimit}). */
  static final List<String> TELL_PLATFORMS = List.of("ours", "pekko", "eventbus", "limit");

  /** One line of the table: a metric of a workload, per platform. */
  record Row(String workload, String unit, boolean higherIsBetter, Map<String, Samples> samples) {
  }

  /** Turns the average time of a round, in ms, into the row's unit. */
  interface Metric {
    double of(double millisPerRound);
  }

  private final Plan plan;
  private final List<Row> rows = new ArrayList<>();
  /** The process CPU time per round of each measured shot of the last {@link #shots} call, in ns. */
  private double[] lastCpuPerRound;

  Suite(Plan plan) {
    this.plan = plan;
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    Plan plan = arguments.contains("--smoke") ? Plan.SMOKE : arguments.contains("--quick") ? Plan.QUICK : Plan.FULL;
    Path dir = Plan.outDir(args);
    long start = System.nanoTime();
    Suite suite = new Suite(plan);
    int only = arguments.indexOf("--only");
    if (only >= 0) {
      suite.runOnly(args[only + 1]);
    } else {
      suite.runAll();
    }
    new Report(plan, suite.rows, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).write(dir);
  }

  /** The size of a round: the sizes, smaller for the event bus where it is latency-bound. */
  int size(String workload, String platform) {
    boolean smoke = plan == Plan.SMOKE;
    boolean bus = platform.equals("eventbus");
    return switch (workload) {
      case "tell-throughput" -> smoke ? 2_000 : 2_000_000;
      case "pingpong" -> smoke ? 1_000 : bus ? 50_000 : 1_000_000;
      case "threadring" -> smoke ? 1_000 : bus ? 100_000 : 2_000_000;
      case "fanout" -> smoke ? 10_000 : bus ? 2_000_000 : 10_000_000;
      case "ask" -> smoke ? 2_000 : 1_000_000;
      case "create" -> smoke ? 1_000 : 1_000_000;
      default -> throw new IllegalArgumentException(workload);
    };
  }

  private void runOnly(String workload) throws Exception {
    switch (workload) {
      case "tell-throughput" -> throughput(workload, "msg/s", TellThroughput.RECEIVERS, TELL_PLATFORMS);
      case "pingpong", "fanout" -> throughput(workload, "msg/s", 1, PLATFORMS);
      case "threadring" -> throughput(workload, "hops/s", 1, PLATFORMS);
      case "ask" -> throughput(workload, "asks/s", 1, PLATFORMS);
      case "ask-latency" -> latency(OpenLoop.Kind.ASK);
      case "tell-latency" -> latency(OpenLoop.Kind.TELL);
      default -> throw new IllegalArgumentException("--only takes a throughput workload, ask-latency or tell-latency, not "
          + workload);
    }
  }

  private void runAll() throws Exception {
    throughput("tell-throughput", "msg/s", TellThroughput.RECEIVERS, TELL_PLATFORMS);
    throughput("pingpong", "msg/s", 1, PLATFORMS);
    throughput("threadring", "hops/s", 1, PLATFORMS);
    throughput("fanout", "msg/s", 1, PLATFORMS);
    throughput("ask", "asks/s", 1, PLATFORMS);
    latency(OpenLoop.Kind.ASK);
    latency(OpenLoop.Kind.TELL);
    create();
    for (int actors : plan == Plan.SMOKE ? new int[] {10, 1_000} : new int[] {10, 1_000, 100_000, 1_000_000}) {
      // A verticle per consumer: a million deployments is not how anyone uses the bus.
      scale(actors, actors > 100_000 ? List.of("ours", "pekko") : PLATFORMS);
    }
  }

  /** Fork {@code fork}'s order of the platforms: rotated by one each fork. */
  static List<String> order(List<String> platforms, int fork) {
    List<String> order = new ArrayList<>(platforms);
    java.util.Collections.rotate(order, -fork);
    return order;
  }

  private Map<String, Samples> emptySamples(List<String> platforms) {
    Map<String, Samples> samples = new LinkedHashMap<>();
    platforms.forEach(platform -> samples.put(platform, new Samples()));
    return samples;
  }

  /** The speed of each platform's forks, in the row's unit, and its CPU time per operation, in ns. */
  record Measured(Map<String, Samples> speed, Map<String, Samples> cpu) {
  }

  /**
   * Forks of {@code workload} on each of {@code platforms}, interleaved ({@link #order}), each in
   * {@link #shots}: their speed in operations per second and their CPU time per operation, where
   * {@code operationsPerSize} operations make one unit of a round's size.
   */
  Measured interleaved(String workload, List<String> platforms, int operationsPerSize) throws Exception {
    Measured measured = new Measured(emptySamples(platforms), emptySamples(platforms));
    for (int fork = 0; fork < plan.rounds(); fork++) {
      for (String platform : order(platforms, fork)) {
        int size = size(workload, platform);
        long operations = workload.equals("fanout") ? (long) size / Fanout.RECEIVERS * Fanout.RECEIVERS
            : (long) size * operationsPerSize;
        measured.speed().get(platform).addFork(shots(workload, platform, size, millis -> operations / (millis / 1_000)));
        measured.cpu().get(platform).addFork(Arrays.stream(lastCpuPerRound).map(nanos -> nanos / operations).toArray());
      }
    }
    return measured;
  }

  private void throughput(String workload, String unit, int operationsPerSize, List<String> platforms) throws Exception {
    Measured measured = interleaved(workload, platforms, operationsPerSize);
    rows.add(new Row(workload, unit, true, measured.speed()));
    // The operating system counts a process's CPU time in ticks of 10 ms: 1% of a measured shot,
    // but more than a whole smoke round, which would read 0.
    if (!plan.inProcess()) {
      rows.add(new Row(workload + " CPU", "ns/" + unit.substring(0, unit.indexOf("/")).replaceAll("s$", ""), false,
          measured.cpu()));
    }
  }

  private void create() throws Exception {
    List<String> platforms = List.of("ours", "pekko");
    Map<String, Samples> micros = emptySamples(platforms);
    Map<String, Samples> bytes = emptySamples(platforms);
    int size = size("create", "ours");
    for (int fork = 0; fork < plan.rounds(); fork++) {
      for (String platform : order(platforms, fork)) {
        micros.get(platform).addFork(shots("create", platform, size, millis -> millis * 1_000 / size));
      }
    }
    for (int fork = 0; fork < plan.rounds(); fork++) {
      for (String platform : order(platforms, fork)) {
        double perActor = plan.inProcess() ? Probe.retainedBytesPerActor(platform, size)
            : Double.parseDouble(probe("bytes", platform, Integer.toString(size)).get(0));
        bytes.get(platform).addFork(new double[] {perActor});
        log("create bytes", platform, size, "%,.0f bytes/actor", perActor);
      }
    }
    rows.add(new Row("create", "µs/actor", false, micros));
    rows.add(new Row("create", "bytes/actor", false, bytes));
  }

  private void scale(int actors, List<String> platforms) throws Exception {
    Map<String, Samples> samples = emptySamples(platforms);
    for (int fork = 0; fork < plan.rounds(); fork++) {
      for (String platform : order(platforms, fork)) {
        samples.get(platform).addFork(shots("scale", platform, actors, millis -> millis * 1_000_000 / actors));
      }
    }
    rows.add(new Row("scale " + String.format(Locale.ROOT, "%,d", actors) + " actors", "ns/msg", false, samples));
  }

  /** The measured shots of one JMH fork (in-process when smoke), in the row's unit. */
  double[] shots(String workload, String platform, int size, Metric metric) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(SuiteBenchmark.class.getName() + ".round")
        .param("workload", workload)
        .param("platform", platform)
        .param("size", Integer.toString(size))
        .timeUnit(TimeUnit.MILLISECONDS)
        .verbosity(VerboseMode.SILENT)
        .forks(plan.inProcess() ? 0 : 1) // one fork a call: the suite interleaves the forks itself
        .warmupIterations(plan.warmupShots())
        .warmupTime(TimeValue.milliseconds(plan.warmupTime().toMillis()))
        .measurementIterations(plan.shots())
        .measurementTime(TimeValue.milliseconds(plan.shotTime().toMillis()));
    Path cpuFile = Files.createTempFile("suite-cpu", ".txt");
    if (plan.inProcess()) {
      System.setProperty(CpuTime.FILE, cpuFile.toString());
    } else {
      List<String> jvmArgs = new ArrayList<>(Plan.jvmArgs());
      jvmArgs.add(CpuTime.jvmArg(cpuFile));
      options.jvmArgs(jvmArgs.toArray(String[]::new));
    }
    long start = System.nanoTime();
    RunResult result = new Runner(options.build()).runSingle();
    List<IterationResult> iterations = new ArrayList<>(result.getBenchmarkResults().iterator().next().getIterationResults());
    double[] shots = iterations.stream().mapToDouble(shot -> metric.of(shot.getPrimaryResult().getScore())).toArray();
    lastCpuPerRound = CpuTime.perOperation(cpuFile, shots.length);
    log(workload, platform, size, "%s (fork: %d s)", Arrays.stream(shots).mapToObj(Suite::format).toList(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    return shots;
  }

  /**
   * Round-trip latency without queueing of the benchmark's making ({@link OpenLoop}) for asks, or
   * for tell round trips, per fork in a JVM of its own: one at a time, and offered at 10%, 50% and
   * 80% of the platform's own maximum.
   */
  private void latency(OpenLoop.Kind kind) throws Exception {
    String trip = kind == OpenLoop.Kind.ASK ? "ask " : "tell round trip ";
    String[] levels = {"one at a time", "at 10% of max", "at 50% of max", "at 80% of max"};
    String[] percentiles = {"p50", "p99", "p99.9", "max"};
    Map<String, Map<String, Samples>> byRow = new LinkedHashMap<>();
    for (String level : levels) {
      for (String percentile : percentiles) {
        byRow.put(trip + level + " " + percentile, emptySamples(PLATFORMS));
      }
    }
    long warmupMillis = plan.warmupTime().multipliedBy(plan.warmupShots()).toMillis();
    long levelMillis = Math.max(20, plan.shotTime().multipliedBy(plan.shots()).toMillis() / 2);
    for (int fork = 0; fork < plan.rounds(); fork++) {
      for (String platform : order(PLATFORMS, fork)) {
        double[][] measured = plan.inProcess() ? Probe.openLoop(platform, kind, warmupMillis, levelMillis)
            : probe("openloop", platform, Long.toString(warmupMillis), Long.toString(levelMillis), kind.name()).stream()
                .map(line -> Arrays.stream(line.split(" ")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        for (int level = 0; level < levels.length; level++) {
          for (int percentile = 0; percentile < percentiles.length; percentile++) {
            byRow.get(trip + levels[level] + " " + percentiles[percentile]).get(platform)
                .addFork(new double[] {measured[level][percentile]});
          }
          log(trip + levels[level], platform, (int) measured[level][4], "p50 %s, p99 %s, p99.9 %s, max %s µs",
              format(measured[level][0]), format(measured[level][1]), format(measured[level][2]), format(measured[level][3]));
        }
      }
    }
    byRow.forEach((row, samples) -> rows.add(new Row(row, "µs", false, samples)));
  }

  private static final Pattern NUMBERS = Pattern.compile("-?[0-9.]+( -?[0-9.]+)*");

  /** Runs {@link Probe} in a JVM of its own with the suite's JVM settings; its output lines. */
  private static List<String> probe(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Plan.jvmArgs());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      // Only the probe's figures: a platform may log to standard output too (Pekko's shutdown warnings do).
      lines = out.lines().filter(line -> NUMBERS.matcher(line).matches()).toList();
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("probe " + String.join(" ", args) + " failed");
    }
    return lines;
  }

  private static void log(String workload, String platform, int size, String format, Object... args) {
    System.out.printf(Locale.ROOT, "%-16s %-9s %,10d: %s%n", workload, platform, size, String.format(Locale.ROOT, format, args));
  }

  static String format(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
