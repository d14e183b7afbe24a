package benchmarks.suite;

import benchmarks.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the whole suite, ours against Apache Pekko and the plain Vert.x event bus in one run, and
 * writes {@code results.md} and {@code results.json}: {@code workload | ours | pekko | event bus
 * | ours/pekko | ours/bus}. The ratios are speed-ups: above 1, ours is ahead (for times and
 * sizes, where lower is better, they are peer ÷ ours).
 *
 * <p>Arguments: {@code --smoke} (tiny sizes, one in-process shot each: checks that every
 * workload runs, measures nothing), {@code --out DIR} (default {@code benchmarks/results}).
 */
public final class Suite {

  private static final List<String> PLATFORMS = List.of("ours", "pekko", "eventbus");

  /** One line of the table: a metric of a workload, per platform. */
  private record Row(String workload, String unit, boolean higherIsBetter, Map<String, Double> values) {
  }

  /** One JMH run: a workload on a platform at a size, and the operations a round does. */
  private record Run(String workload, String platform, int size, long operations) {
  }

  private final boolean smoke;
  private final List<Row> rows = new ArrayList<>();

  private Suite(boolean smoke) {
    this.smoke = smoke;
  }

  public static void main(String[] args) throws Exception {
    boolean smoke = Arrays.asList(args).contains("--smoke");
    int out = Arrays.asList(args).indexOf("--out");
    Path dir = Path.of(out >= 0 ? args[out + 1] : "benchmarks/results");
    new Suite(smoke).runAll(dir);
  }

  /** The size of a round: the sizes, smaller for the event bus where it is latency-bound. */
  private int size(String workload, String platform) {
    boolean bus = platform.equals("eventbus");
    return switch (workload) {
      case "tell-throughput" -> smoke ? 2_000 : 2_000_000;
      case "pingpong" -> smoke ? 1_000 : bus ? 50_000 : 1_000_000;
      case "threadring" -> smoke ? 1_000 : bus ? 100_000 : 2_000_000;
      case "fanout" -> smoke ? 10_000 : bus ? 2_000_000 : 10_000_000;
      // Pekko's ask from outside the system runs at about 10k asks/s here: 100,000 keep its round at 10 s.
      case "ask" -> smoke ? 2_000 : platform.equals("pekko") ? 100_000 : 1_000_000;
      case "create" -> smoke ? 1_000 : 1_000_000;
      default -> throw new IllegalArgumentException(workload);
    };
  }

  private void runAll(Path dir) throws Exception {
    throughput("tell-throughput", "msg/s", size -> (long) size * TellThroughput.RECEIVERS, PLATFORMS);
    throughput("pingpong", "msg/s", size -> size, PLATFORMS);
    throughput("threadring", "hops/s", size -> size, PLATFORMS);
    throughput("fanout", "msg/s", size -> size / Fanout.RECEIVERS * Fanout.RECEIVERS, PLATFORMS);
    throughput("ask", "asks/s", size -> size, PLATFORMS);
    askLatency();
    create();
    for (int actors : smoke ? new int[] {10, 1_000} : new int[] {10, 1_000, 100_000, 1_000_000}) {
      scale(actors);
    }
    write(dir);
  }

  private interface Operations {
    long of(int size);
  }

  private void throughput(String workload, String unit, Operations operations, List<String> platforms) throws Exception {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (String platform : platforms) {
      int size = size(workload, platform);
      double millis = medianMillis(new Run(workload, platform, size, operations.of(size)));
      rates.put(platform, operations.of(size) / (millis / 1_000));
    }
    rows.add(new Row(workload, unit, true, rates));
  }

  private void create() throws Exception {
    Map<String, Double> micros = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    int size = size("create", "ours");
    for (String platform : List.of("ours", "pekko")) {
      micros.put(platform, medianMillis(new Run("create", platform, size, size)) * 1_000 / size);
      bytes.put(platform, retainedBytesPerActor(platform, size));
    }
    rows.add(new Row("create", "µs/actor", false, micros));
    rows.add(new Row("create", "bytes/actor", false, bytes));
  }

  private void scale(int actors) throws Exception {
    Map<String, Double> nanos = new LinkedHashMap<>();
    for (String platform : PLATFORMS) {
      if (platform.equals("eventbus") && actors > 100_000) {
        continue; // a verticle per consumer: a million deployments is not how anyone uses the bus
      }
      nanos.put(platform, medianMillis(new Run("scale", platform, actors, actors)) * 1_000_000 / actors);
    }
    rows.add(new Row("scale " + String.format(Locale.ROOT, "%,d", actors) + " actors", "ns/msg", false, nanos));
  }

  /** The median time of a round, from a JMH run in a fork of its own (in-process when smoke). */
  private double medianMillis(Run run) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(SuiteBenchmark.class.getName() + ".round")
        .param("workload", run.workload())
        .param("platform", run.platform())
        .param("size", Integer.toString(run.size()))
        .verbosity(VerboseMode.SILENT);
    if (smoke) {
      options.forks(0).warmupIterations(0).measurementIterations(1);
    } else {
      options.forks(1).warmupIterations(2).measurementIterations(5).jvmArgsAppend("-Xms4g", "-Xmx4g");
    }
    RunResult result = new Runner(options.build()).runSingle();
    double median = result.getPrimaryResult().getStatistics().getPercentile(50);
    System.out.printf(Locale.ROOT, "%-16s %-9s %,12d: %,.1f ms a round%n", run.workload(), run.platform(), run.size(), median);
    return median;
  }

  /** Latency of single asks under the ask workload's load, p50 and p99, in this JVM. */
  private void askLatency() throws Exception {
    Map<String, Double> p50 = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    for (String platform : PLATFORMS) {
      try (Platform host = Platform.create(platform)) {
        Ask ask = new Ask();
        ask.setUp(host, size("ask", platform));
        ask.run(); // warm-up
        ask.latencies = new long[ask.size];
        ask.run();
        long[] sorted = ask.latencies.clone();
        Arrays.sort(sorted);
        p50.put(platform, sorted[sorted.length / 2] / 1_000.0);
        p99.put(platform, sorted[(int) (sorted.length * 0.99)] / 1_000.0);
      }
    }
    rows.add(new Row("ask latency p50", "µs", false, p50));
    rows.add(new Row("ask latency p99", "µs", false, p99));
  }

  /** Heap retained per idle actor, measured in this JVM with the references held. */
  private static double retainedBytesPerActor(String platform, int size) throws Exception {
    try (Platform host = Platform.create(platform)) {
      Create create = new Create();
      create.setUp(host, 1_000);
      create.run(); // warm-up: classes loaded, pools created
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

  private void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder()
        .append("| workload | unit | ours | pekko | event bus | ours/pekko | ours/bus |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    JsonArray json = new JsonArray();
    for (Row row : rows) {
      Double ours = row.values().get("ours");
      Double pekko = row.values().get("pekko");
      Double bus = row.values().get("eventbus");
      md.append("| ").append(row.workload()).append(" | ").append(row.unit())
          .append(" | ").append(format(ours)).append(" | ").append(format(pekko)).append(" | ").append(format(bus))
          .append(" | ").append(ratio(row, ours, pekko)).append(" | ").append(ratio(row, ours, bus)).append(" |\n");
      json.add(new JsonObject().put("workload", row.workload()).put("unit", row.unit())
          .put("higherIsBetter", row.higherIsBetter())
          .put("ours", ours).put("pekko", pekko).put("eventbus", bus));
    }
    String vertxVersion = io.vertx.core.Vertx.class.getPackage().getImplementationVersion();
    String pekkoVersion = org.apache.pekko.Version.current();
    String header = (smoke ? "Smoke run (tiny sizes, one in-process shot: not a measurement).\n\n" : "")
        + "Run on " + java.time.LocalDate.now() + ": JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name")
        + "), Vert.x " + vertxVersion + ", Apache Pekko " + pekkoVersion + ", "
        + Runtime.getRuntime().availableProcessors() + " cores.\n"
        + "Ratios are speed-ups: above 1, ours is ahead (for times and sizes: peer ÷ ours).\n\n";
    Files.writeString(dir.resolve("results.md"), header + md);
    Files.writeString(dir.resolve("results.json"), new JsonObject().put("smoke", smoke)
        .put("date", java.time.LocalDate.now().toString())
        .put("jdk", Runtime.version().toString()).put("vertx", vertxVersion).put("pekko", pekkoVersion)
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("rows", json).encodePrettily());
    System.out.println(header + md);
  }

  private static String format(Double value) {
    if (value == null) {
      return "n/a";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(Row row, Double ours, Double peer) {
    if (ours == null || peer == null || ours == 0 || peer == 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", row.higherIsBetter() ? ours / peer : peer / ours);
  }
}
