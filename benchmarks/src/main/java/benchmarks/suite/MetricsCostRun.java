package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.stats.PairedShots;
import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What metrics cost, measured in pairs ({@link PairedShots}): ours with metrics on
 * ({@code ours-metrics}) and off ({@code ours}) in one JVM, shots of the two back to back, in
 * several JVMs; the ratio of each pair, so that the host's slow phases, which hit a whole fork,
 * cancel out. Into {@code metrics-cost.md}. Arguments: {@code --smoke} (in-process, measures
 * nothing), {@code --out DIR}; {@code --fork WORKLOAD} measures one JVM's pairs and prints them.
 */
public final class MetricsCostRun {

  private static final String OFF = "ours";
  private static final String ON = "ours-metrics";
  private static final int FORKS = 4;
  private static final int WARMUP_PAIRS = 5;
  private static final int PAIRS = 8;
  private static final long SHOT_MILLIS = 2_000;

  /** A workload, its round's size (the suite's), its smoke size and its operations per unit of size. */
  private record Case(String workload, int size, int smokeSize, int operationsPerSize, String unit) {
  }

  private static final List<Case> CASES = List.of(
      new Case("tell-throughput", 2_000_000, 2_000, TellThroughput.RECEIVERS, "msg"),
      new Case("pingpong", 1_000_000, 1_000, 1, "msg"),
      new Case("ask", 1_000_000, 2_000, 1, "ask"));

  private MetricsCostRun() {
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    int fork = arguments.indexOf("--fork");
    if (fork >= 0) {
      Case c = CASES.stream().filter(each -> each.workload().equals(args[fork + 1])).findFirst().orElseThrow();
      PairedShots.print(measure(c, c.size(), WARMUP_PAIRS, PAIRS, SHOT_MILLIS));
      System.exit(0);
    }
    boolean smoke = arguments.contains("--smoke");
    Path dir = Plan.outDir(args);
    long start = System.nanoTime();
    StringBuilder md = new StringBuilder("# The cost of metrics, measured in pairs of shots in one JVM\n\n")
        .append(String.format(Locale.ROOT, "Ours with metrics on (a Prometheus registry, actors grouped by class, one "
                + "message in 16 timed: the default) and off, both in one JVM; shots of %d s taken back to back, the "
                + "first of a pair alternating; %d JVMs per workload, each warmed up with %d pairs before %d measured "
                + "pairs; JVM %s. Cost: the median over all pairs of on ÷ off (above 1: on is slower or uses more "
                + "CPU), 95%% bootstrap interval over JVMs, then pairs. CPU: the process's CPU time per operation.%n%n",
            SHOT_MILLIS / 1_000, FORKS, WARMUP_PAIRS, PAIRS, String.join(" ", Plan.jvmArgs())))
        .append("| workload | unit | off | metrics on | cost [95% CI] |\n|---|---|---:|---:|---|\n");
    for (Case c : CASES) {
      PairedShots.Measured measured = PairedShots.collect(c.workload(), new String[] {OFF, ON}, smoke ? 1 : FORKS,
          f -> smoke ? measure(c, c.smokeSize(), 0, 1, 1)
              : PairedShots.fork(Plan.jvmArgs(), MetricsCostRun.class, List.of("--fork", c.workload()), 2 * PAIRS));
      row(md, c.workload(), "ns/" + c.unit(), measured.wall());
      if (!smoke) { // the operating system counts CPU time in ticks of 10 ms: more than a smoke shot
        row(md, c.workload() + " CPU", "ns/" + c.unit(), measured.cpu());
      }
    }
    md.append(String.format(Locale.ROOT, "%n%d min.%n", TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start)));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("metrics-cost.md"), md.toString());
    System.out.println(md);
  }

  /** Both configurations of {@code c} in this JVM: warm-up pairs, then the measured ones. */
  private static List<PairedShots.Shot> measure(Case c, int size, int warmups, int pairs, long shotMillis) throws Exception {
    String[] names = {OFF, ON};
    Platform[] platforms = new Platform[2];
    PairedShots.Round[] rounds = new PairedShots.Round[2];
    try {
      for (int i = 0; i < 2; i++) {
        platforms[i] = Platform.create(names[i]);
        Workload workload = Workload.create(c.workload());
        workload.setUp(platforms[i], size);
        rounds[i] = workload::run;
      }
      long operations = (long) size * c.operationsPerSize();
      PairedShots.pairs(names, rounds, operations, warmups, shotMillis);
      return PairedShots.pairs(names, rounds, operations, pairs, shotMillis);
    } finally {
      for (Platform platform : platforms) {
        if (platform != null) {
          platform.close();
        }
      }
    }
  }

  private static void row(StringBuilder md, String workload, String unit, Samples[] samples) {
    Ratio cost = Ratio.paired(samples[1], samples[0], true); // on ÷ off of a cost per operation
    md.append(String.format(Locale.ROOT, "| %s | %s | %,.1f | %,.1f | %.2f [%.2f, %.2f] |%n", workload, unit,
        samples[0].median(), samples[1].median(), cost.value(), cost.low(), cost.high()));
  }
}
