package benchmarks.persistence;

import benchmarks.stats.Ratio;
import benchmarks.stats.Rounds;
import benchmarks.stats.Samples;
import benchmarks.suite.Plan;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link PersistComparisonBenchmark} in rounds: every configuration (ours on the reactive store,
 * ours on the JDBC store, or Pekko; 1, 100 or 10,000 actors) one JMH fork per round, in an order
 * rotated each round, with the suite's JVM settings for all; then events/s and persist latency
 * with paired bootstrap intervals, reactive against JDBC and ours against Pekko, into
 * {@code persistence.md}.
 */
public final class PersistRun {

  private static final List<String> PLATFORMS = List.of("ours", "ours-jdbc", "pekko");
  private static final List<Integer> ACTORS = List.of(1, 100, 10_000);
  private static final int WARMUPS = 3;
  private static final int SHOTS = 5;

  private final Map<String, Samples> rate = new LinkedHashMap<>();
  private final Map<String, Samples> p50 = new LinkedHashMap<>();
  private final Map<String, Samples> p99 = new LinkedHashMap<>();

  private PersistRun() {
  }

  public static void main(String[] args) throws Exception {
    Rounds rounds = Rounds.of(args);
    PersistRun run = new PersistRun();
    List<String> configurations = new ArrayList<>();
    for (int actors : ACTORS) {
      for (String platform : PLATFORMS) {
        configurations.add(platform + " " + actors);
      }
    }
    // Each round starts elsewhere, and alternates who of a pair goes first.
    rounds.run(configurations, round -> round * PLATFORMS.size() + round % PLATFORMS.size(), run::measure);
    rounds.write("persistence.md", run.table(rounds.count(), rounds.minutes()));
  }

  private void measure(String configuration) throws Exception {
    String[] parts = configuration.split(" ");
    Path latencyFile = Files.createTempFile("persist-latencies", ".txt");
    List<String> jvmArgs = new ArrayList<>(Plan.jvmArgs());
    jvmArgs.add("-D" + PersistComparisonBenchmark.LATENCY_FILE + "=" + latencyFile);
    RunResult result = new Runner(new OptionsBuilder()
        .include(PersistComparisonBenchmark.class.getName() + ".persist$")
        .param("platform", parts[0])
        .param("actors", parts[1])
        .verbosity(VerboseMode.SILENT)
        .forks(1)
        .jvmArgs(jvmArgs.toArray(String[]::new))
        .warmupIterations(WARMUPS)
        .warmupTime(TimeValue.seconds(3))
        .measurementIterations(SHOTS)
        .measurementTime(TimeValue.seconds(3))
        .build()).runSingle();
    rate.computeIfAbsent(configuration, key -> new Samples()).addFork(result.getBenchmarkResults().iterator().next()
        .getIterationResults().stream().mapToDouble(shot -> shot.getPrimaryResult().getScore()).toArray());
    List<String> lines = Files.readAllLines(latencyFile);
    Files.delete(latencyFile);
    List<String> measured = lines.subList(lines.size() - SHOTS, lines.size()); // the warm-ups wrote theirs first
    p50.computeIfAbsent(configuration, key -> new Samples())
        .addFork(measured.stream().mapToDouble(line -> Long.parseLong(line.split(" ")[0]) / 1e3).toArray());
    p99.computeIfAbsent(configuration, key -> new Samples())
        .addFork(measured.stream().mapToDouble(line -> Long.parseLong(line.split(" ")[1]) / 1e3).toArray());
    Samples last = rate.get(configuration);
    System.out.printf(Locale.ROOT, "%s actors: %,.0f events/s, p50 %.0f µs, p99 %.0f µs%n", configuration,
        Samples.median(last.fork(last.forkCount() - 1)), Samples.median(p50.get(configuration).fork(last.forkCount() - 1)),
        Samples.median(p99.get(configuration).fork(last.forkCount() - 1)));
  }

  private String table(int rounds, long minutes) {
    StringBuilder md = new StringBuilder();
    md.append("# Persistence: ours (reactive and JDBC stores) against Pekko Persistence JDBC on the same PostgreSQL\n\n")
        .append(String.format(Locale.ROOT, "%d rounds, every configuration one JMH fork per round, rotated; %d x 3 s "
            + "warm-up, %d x 3 s shots; JVM %s; %d min. Embedded PostgreSQL (zonky) on loopback, started per fork; "
            + "10,000 events per shot spread over the actors, each persisting one after the other. Intervals: 95%%, "
            + "paired bootstrap over rounds.%n%n", rounds, WARMUPS, SHOTS, String.join(" ", Plan.jvmArgs()), minutes))
        .append("| actors | metric | ours, reactive | ours, JDBC | pekko | reactive/JDBC | reactive/pekko | vs 1.5x target |\n"
            + "|---:|---|---:|---:|---:|---|---|---|\n");
    for (int actors : ACTORS) {
      row(md, actors, "events/s", rate, true, true);
      row(md, actors, "persist p50 µs", p50, false, false);
      row(md, actors, "persist p99 µs", p99, false, false);
    }
    return md.toString();
  }

  private static void row(StringBuilder md, int actors, String metric, Map<String, Samples> samples,
                          boolean higherIsBetter, boolean hasTarget) {
    Samples ours = samples.get("ours " + actors);
    Samples jdbc = samples.get("ours-jdbc " + actors);
    Samples pekko = samples.get("pekko " + actors);
    Ratio ratio = Ratio.of(ours, pekko, higherIsBetter);
    md.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f | %,.0f | %s | %s | %s |%n", actors, metric,
        ours.median(), jdbc.median(), pekko.median(), Ratio.of(ours, jdbc, higherIsBetter).describe(), ratio.describe(),
        hasTarget && actors > 1 ? ratio.against(1.5) : ""));
  }
}
