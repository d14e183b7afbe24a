package benchmarks.sharding;

import benchmarks.stats.Ratio;
import benchmarks.stats.Rounds;
import benchmarks.stats.Samples;
import benchmarks.suite.Plan;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link ShardingBenchmark} with intervals: every configuration (platform, nodes, route) runs one
 * JMH fork per round, the configurations in a rotated order each round, with the suite's JVM
 * settings; then the medians and ratios with 95% bootstrap intervals go to
 * {@code results/sharding.md}. Usage: {@code ShardingRun --out dir [--rounds 3]}.
 */
public final class ShardingRun {

  private static final List<String> PLATFORMS = List.of("ours", "pekko");
  private static final List<String> ROUTES = List.of("sharded", "direct");
  private static final List<Integer> NODES = List.of(1, 2);

  private final Map<String, Samples> tell = new LinkedHashMap<>();
  private final Map<String, Samples> p50 = new LinkedHashMap<>();
  private final Map<String, Samples> p99 = new LinkedHashMap<>();

  private ShardingRun() {
  }

  public static void main(String[] args) throws Exception {
    Rounds rounds = Rounds.of(args);
    ShardingRun run = new ShardingRun();
    List<String> configurations = new ArrayList<>();
    for (int nodes : NODES) {
      for (String platform : PLATFORMS) {
        for (String route : ROUTES) {
          configurations.add(platform + " " + nodes + " " + route);
        }
      }
    }
    rounds.run(configurations, round -> round * 3, run::measure);
    rounds.write("sharding.md", run.table(rounds.count(), rounds.minutes()));
  }

  private void measure(String configuration) throws Exception {
    String[] parts = configuration.split(" ");
    RunResult tellRun = jmh("tell", parts);
    tell.computeIfAbsent(configuration, key -> new Samples()).addFork(Rounds.shots(tellRun, shot -> shot.getPrimaryResult().getScore()));
    RunResult askRun = jmh("ask", parts);
    p50.computeIfAbsent(configuration, key -> new Samples())
        .addFork(Rounds.shots(askRun, shot -> shot.getPrimaryResult().getStatistics().getPercentile(50)));
    p99.computeIfAbsent(configuration, key -> new Samples())
        .addFork(Rounds.shots(askRun, shot -> shot.getPrimaryResult().getStatistics().getPercentile(99)));
    System.out.printf(Locale.ROOT, "%s: tell %,.0f msg/s, ask p50 %.0f µs, p99 %.0f µs%n", configuration,
        Samples.median(tell.get(configuration).fork(tell.get(configuration).forkCount() - 1)),
        Samples.median(p50.get(configuration).fork(p50.get(configuration).forkCount() - 1)),
        Samples.median(p99.get(configuration).fork(p99.get(configuration).forkCount() - 1)));
  }

  private static RunResult jmh(String benchmark, String[] configuration) throws Exception {
    return Rounds.fork(ShardingBenchmark.class.getName() + "." + benchmark + "$",
        Map.of("platform", configuration[0], "nodes", configuration[1], "route", configuration[2]), 4, 6).result();
  }

  private String table(int rounds, long minutes) {
    StringBuilder md = new StringBuilder();
    md.append("# Sharding: sharded entities against direct references, ours against Pekko Cluster Sharding\n\n")
        .append(String.format(Locale.ROOT, "%d rounds, every configuration one JMH fork per round, rotated; 4 x 2 s "
            + "warm-up, 6 x 1 s shots; JVM %s; %d min. 100 entities, windowed tells from an actor on the first "
            + "node, one ask at a time from the benchmark thread. Intervals: 95%%, paired bootstrap over rounds.%n%n",
            rounds, String.join(" ", Plan.jvmArgs()), minutes))
        .append("| nodes | metric | ours sharded | ours direct | pekko sharded | pekko direct | ours/pekko sharded "
            + "| ours sharded/direct | pekko sharded/direct |\n|---|---|---:|---:|---:|---:|---|---|---|\n");
    for (int nodes : NODES) {
      row(md, nodes, "tell msg/s", tell, true);
      row(md, nodes, "ask p50 µs", p50, false);
      row(md, nodes, "ask p99 µs", p99, false);
    }
    return md.toString();
  }

  private static void row(StringBuilder md, int nodes, String metric, Map<String, Samples> samples, boolean higherIsBetter) {
    Samples oursSharded = samples.get("ours " + nodes + " sharded");
    Samples oursDirect = samples.get("ours " + nodes + " direct");
    Samples pekkoSharded = samples.get("pekko " + nodes + " sharded");
    Samples pekkoDirect = samples.get("pekko " + nodes + " direct");
    md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %,.0f | %,.0f | %s | %s | %s |%n", nodes, metric,
        oursSharded.median(), oursDirect.median(), pekkoSharded.median(), pekkoDirect.median(),
        Ratio.of(oursSharded, pekkoSharded, higherIsBetter).describe(),
        Ratio.of(oursSharded, oursDirect, higherIsBetter).describe(),
        Ratio.of(pekkoSharded, pekkoDirect, higherIsBetter).describe()));
  }

}
