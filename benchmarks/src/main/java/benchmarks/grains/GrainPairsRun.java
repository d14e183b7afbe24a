package benchmarks.grains;

import benchmarks.stats.PairedShots;
import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;
import benchmarks.suite.Plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The typed grain call against the raw {@code entityRef} ask, measured in pairs
 * ({@link PairedShots}): one cluster in one JVM hosts both routes ({@link GrainCluster}), and
 * shots of {@value GrainBenchmark#OUTSTANDING} calls at once by each route are taken back to
 * back, in several JVMs, on one node and on two. Into {@code grains-paired.md}. Arguments:
 * {@code --smoke} (in-process, measures nothing), {@code --out DIR}; {@code --fork NODES}
 * measures one JVM's pairs and prints them.
 */
public final class GrainPairsRun {

  private static final String[] ROUTES = {"raw", "grain"};
  private static final List<Integer> NODES = List.of(1, 2);
  private static final int FORKS = 4;
  /** Two nodes reach their steady rate after 10 to 15 s of calls (the JIT compiles the transport). */
  private static final int WARMUP_PAIRS = 5;
  private static final int PAIRS = 8;
  private static final long SHOT_MILLIS = 2_000;
  private static final double TARGET = 1.2;

  private GrainPairsRun() {
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    int fork = arguments.indexOf("--fork");
    if (fork >= 0) {
      PairedShots.print(measure(Integer.parseInt(args[fork + 1]), WARMUP_PAIRS, PAIRS, SHOT_MILLIS));
      System.exit(0);
    }
    boolean smoke = arguments.contains("--smoke");
    Path dir = Plan.outDir(args);
    long start = System.nanoTime();
    StringBuilder md = new StringBuilder("# Grains in pairs: a typed grain call against a raw entityRef ask, in one JVM\n\n")
        .append(String.format(Locale.ROOT, "One cluster (Hazelcast on loopback) hosts both routes: 100 sharded entities of "
                + "each on the last node, called from the first, %,d calls at once. Shots of %d s by each route taken back "
                + "to back, the first of a pair alternating; %d JVMs per node count, each warmed up with %d pairs before "
                + "%d measured pairs; JVM %s. Cost: the median over all pairs of grain ÷ raw time per call (above 1: "
                + "the typed call costs more), 95%% bootstrap interval over JVMs, then pairs. CPU: the process's CPU time "
                + "(all threads, both nodes) per call.%n%n",
            GrainBenchmark.OUTSTANDING, SHOT_MILLIS / 1_000, FORKS, WARMUP_PAIRS, PAIRS, String.join(" ", Plan.jvmArgs())))
        .append("| nodes | metric | raw ask | grain call | cost grain/raw [95% CI] | target ≤ 1.2 |\n|---|---|---:|---:|---|---|\n");
    for (int nodes : NODES) {
      PairedShots.Measured measured = PairedShots.collect(nodes + " nodes", ROUTES, smoke ? 1 : FORKS,
          f -> smoke ? measure(nodes, 0, 1, 1)
              : PairedShots.fork(Plan.jvmArgs(), GrainPairsRun.class, List.of("--fork", Integer.toString(nodes)), 2 * PAIRS));
      row(md, nodes, "µs a call", measured.wall());
      if (!smoke) { // the operating system counts CPU time in ticks of 10 ms: more than a smoke shot
        row(md, nodes, "CPU µs a call", measured.cpu());
      }
    }
    md.append(String.format(Locale.ROOT, "%n%d min.%n", TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start)));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("grains-paired.md"), md.toString());
    System.out.println(md);
  }

  /** Both routes on a cluster of {@code nodes} in this JVM: warm-up pairs, then the measured ones. */
  private static List<PairedShots.Shot> measure(int nodes, int warmups, int pairs, long shotMillis) throws Exception {
    try (GrainCluster cluster = new GrainCluster(nodes)) {
      PairedShots.Round[] rounds = {
          () -> cluster.asks(false, GrainBenchmark.OUTSTANDING), () -> cluster.asks(true, GrainBenchmark.OUTSTANDING)};
      PairedShots.pairs(ROUTES, rounds, GrainBenchmark.OUTSTANDING, warmups, shotMillis);
      return PairedShots.pairs(ROUTES, rounds, GrainBenchmark.OUTSTANDING, pairs, shotMillis);
    }
  }

  private static void row(StringBuilder md, int nodes, String metric, Samples[] samples) {
    Ratio cost = Ratio.paired(samples[1], samples[0], true); // grain ÷ raw of a cost per call
    String target = cost.high() <= TARGET ? "met" : cost.low() > TARGET ? "missed" : "unclear";
    md.append(String.format(Locale.ROOT, "| %d | %s | %,.2f | %,.2f | %.2f [%.2f, %.2f] | %s |%n", nodes, metric,
        samples[0].median() / 1_000, samples[1].median() / 1_000, cost.value(), cost.low(), cost.high(), target));
  }
}
