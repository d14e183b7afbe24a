package benchmarks.grains;

import benchmarks.stats.Ratio;
import benchmarks.stats.Rounds;
import benchmarks.stats.Samples;
import benchmarks.suite.Plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link GrainBenchmark} with intervals: every configuration (nodes, route) runs one JMH fork per
 * round, the configurations in a rotated order each round, with the suite's JVM settings; then the
 * medians and the ratios of the typed call to the raw ask, with 95% bootstrap intervals, go to
 * {@code results/grains.md}. Usage: {@code GrainRun --out dir [--rounds 3]}.
 */
public final class GrainRun {

  private static final List<Integer> NODES = List.of(1, 2);
  private static final List<String> ROUTES = List.of("raw", "grain");
  /**
   * Warm-up iterations of 2 s: two nodes reach their steady rate only after 10 to 15 s (both
   * routes climb from about 20,000 to over 200,000 calls/s while the JIT compiles the transport).
   */
  private static final int WARMUPS = 12;
  /** The most a typed call may cost over the raw ask. */
  private static final double TARGET = 1.2;

  private final Map<String, Samples> calls = new LinkedHashMap<>();
  private final Map<String, Samples> p50 = new LinkedHashMap<>();
  private final Map<String, Samples> p99 = new LinkedHashMap<>();
  private final Map<String, Samples> callsCpu = new LinkedHashMap<>();
  private final Map<String, Samples> oneCallCpu = new LinkedHashMap<>();

  private GrainRun() {
  }

  public static void main(String[] args) throws Exception {
    Rounds rounds = Rounds.of(args);
    GrainRun run = new GrainRun();
    List<String> configurations = new ArrayList<>();
    for (int nodes : NODES) {
      for (String route : ROUTES) {
        configurations.add(nodes + " " + route);
      }
    }
    rounds.run(configurations, round -> round, run::measure);
    rounds.write("grains.md", run.table(rounds.count(), rounds.minutes()));
  }

  private void measure(String configuration) throws Exception {
    String[] parts = configuration.split(" ");
    Rounds.Fork callsRun = jmh("calls", parts);
    samples(calls, configuration).addFork(Rounds.shots(callsRun.result(), shot -> shot.getPrimaryResult().getScore()));
    samples(callsCpu, configuration).addFork(micros(callsRun.cpuPerOperation()));
    Rounds.Fork askRun = jmh("ask", parts);
    samples(p50, configuration).addFork(Rounds.shots(askRun.result(),
        shot -> shot.getPrimaryResult().getStatistics().getPercentile(50)));
    samples(p99, configuration).addFork(Rounds.shots(askRun.result(),
        shot -> shot.getPrimaryResult().getStatistics().getPercentile(99)));
    samples(oneCallCpu, configuration).addFork(micros(askRun.cpuPerOperation()));
    System.out.printf(Locale.ROOT, "%s: %,.0f calls/s (CPU %.2f µs a call), ask p50 %.1f µs, p99 %.1f µs (CPU %.2f µs)%n",
        configuration, last(calls.get(configuration)), last(callsCpu.get(configuration)), last(p50.get(configuration)),
        last(p99.get(configuration)), last(oneCallCpu.get(configuration)));
  }

  private static Samples samples(Map<String, Samples> metric, String configuration) {
    return metric.computeIfAbsent(configuration, key -> new Samples());
  }

  private static double[] micros(double[] nanos) {
    return Arrays.stream(nanos).map(value -> value / 1_000).toArray();
  }

  private static double last(Samples samples) {
    return Samples.median(samples.fork(samples.forkCount() - 1));
  }

  private static Rounds.Fork jmh(String benchmark, String[] configuration) throws Exception {
    return Rounds.fork(GrainBenchmark.class.getName() + "." + benchmark + "$",
        Map.of("nodes", configuration[0], "route", configuration[1]), WARMUPS, 8);
  }

  private String table(int rounds, long minutes) {
    StringBuilder md = new StringBuilder();
    md.append("# Grains: a typed grain call against a raw entityRef ask to the same kind of sharded entity\n\n")
        .append(String.format(Locale.ROOT, "%d rounds, every configuration one JMH fork per round, rotated; %d x 2 s "
            + "warm-up, 8 x 1 s shots; JVM %s; %d min. 100 entities on the last of the clustered "
            + "nodes (Hazelcast on loopback), called from the first (on two nodes every call crosses): one call at a "
            + "time from the benchmark thread, and %,d at once. CPU: the process's CPU time (all threads, both nodes; "
            + "what the host took away is not in it) per call over the same shots. Cost ratio: "
            + "grain over raw (time per call; above 1 the typed call costs more). Intervals: 95%%, paired bootstrap "
            + "over rounds.%n%n", rounds, WARMUPS, String.join(" ", Plan.jvmArgs()), minutes, GrainBenchmark.OUTSTANDING))
        .append("| nodes | metric | raw ask | grain call | cost grain/raw | target ≤ 1.2 |\n|---|---|---:|---:|---|---|\n");
    for (int nodes : NODES) {
      row(md, nodes, "calls/s, 1,000 at once", calls, true);
      row(md, nodes, "CPU µs a call, 1,000 at once", callsCpu, false);
      row(md, nodes, "one call p50 µs", p50, false);
      row(md, nodes, "one call p99 µs", p99, false);
      row(md, nodes, "CPU µs a call, one at a time", oneCallCpu, false);
    }
    return md.toString();
  }

  private static void row(StringBuilder md, int nodes, String metric, Map<String, Samples> samples, boolean higherIsBetter) {
    Samples raw = samples.get(nodes + " raw");
    Samples grain = samples.get(nodes + " grain");
    // Ratio.of(a, b, ...) is how many times better a is than b: raw against grain is the grain's cost.
    Ratio cost = Ratio.of(raw, grain, higherIsBetter);
    String target = cost.high() <= TARGET ? "met" : cost.low() > TARGET ? "missed" : "unclear";
    md.append(String.format(Locale.ROOT, "| %d | %s | %,.1f | %,.1f | %.2f [%.2f, %.2f] | %s |%n", nodes, metric,
        raw.median(), grain.median(), cost.value(), cost.low(), cost.high(), target));
  }
}
