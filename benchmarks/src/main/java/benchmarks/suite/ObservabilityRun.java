package benchmarks.suite;

import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What observing actors costs: the suite's tell, pingpong and ask workloads on ours with
 * metrics on ({@code ours-metrics}) and with Vert.x's OpenTelemetry tracer on
 * ({@code ours-tracing}, messages outside any trace) against ours with both off, forks
 * interleaved as the suite's, same JVM settings; into {@code observability.md}.
 * Arguments: {@code --quick} (one fork each), {@code --smoke} (in-process, measures nothing),
 * {@code --out DIR}.
 */
public final class ObservabilityRun {

  private static final List<String> PLATFORMS = List.of("ours", "ours-metrics", "ours-tracing");
  private static final List<String> WORKLOADS = List.of("tell-throughput", "pingpong", "ask");
  /**
   * 5 forks per configuration, each warmed up 6 x 2 s before 5 shots of 1 s: the instrumented
   * paths take longer than the plain one to be compiled (a first run warmed up 6 s measured some
   * forks before they were); about 20 minutes in all (5 forks: this machine swings a lot).
   */
  private static final Plan RUN = new Plan("observability", 5, 6, Duration.ofSeconds(2), 5, Duration.ofSeconds(1), 1);

  private ObservabilityRun() {
  }

  /** A row: the three medians and the cost of each instrument, off against on. */
  private static void row(StringBuilder md, String metric, String unit, Map<String, Samples> samples,
                          boolean higherIsBetter, String format) {
    Ratio metrics = Ratio.of(samples.get("ours"), samples.get("ours-metrics"), higherIsBetter);
    Ratio tracing = Ratio.of(samples.get("ours"), samples.get("ours-tracing"), higherIsBetter);
    md.append(String.format(Locale.ROOT, "| %s | %s | " + format + " | " + format + " | " + format
            + " | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] |%n", metric, unit, samples.get("ours").median(),
        samples.get("ours-metrics").median(), samples.get("ours-tracing").median(),
        metrics.value(), metrics.low(), metrics.high(), tracing.value(), tracing.low(), tracing.high()));
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    Plan plan = arguments.contains("--smoke") ? Plan.SMOKE : arguments.contains("--quick") ? Plan.QUICK : RUN;
    Path dir = Plan.outDir(args);
    long start = System.nanoTime();
    Suite suite = new Suite(plan);
    StringBuilder md = new StringBuilder("# The cost of observing actors: metrics on, tracing on, against both off\n\n")
        .append(String.format(Locale.ROOT, "Plan %s: %d forks per configuration, interleaved; %d x %d s warm-up, %d x %d s "
                + "shots; JVM %s. Metrics: a Prometheus registry, actors grouped by class. Tracing: Vert.x's OpenTelemetry "
                + "tracer (vertx-opentelemetry), spans batched to an exporter that drops them; the workloads' messages "
                + "are outside any trace. CPU rows: the process's CPU time (all threads; what the host took away is "
                + "not in it) per message or ask over the same shots. Ratios: the cost of on against off (above 1: on "
                + "is slower or uses more CPU), 95%% bootstrap interval.%n%n",
            plan.name(), plan.rounds(), plan.warmupShots(), plan.warmupTime().toSeconds(), plan.shots(),
            plan.shotTime().toSeconds(), String.join(" ", Plan.jvmArgs())))
        .append("| workload | unit | off | metrics on | tracing on | metrics cost [95% CI] | tracing cost [95% CI] |\n")
        .append("|---|---|---:|---:|---:|---|---|\n");
    for (String workload : WORKLOADS) {
      Suite.Measured measured = suite.interleaved(workload, PLATFORMS,
          workload.equals("tell-throughput") ? TellThroughput.RECEIVERS : 1);
      String unit = workload.equals("ask") ? "ask" : "msg";
      row(md, workload, unit.equals("ask") ? "asks/s" : "msg/s", measured.speed(), true, "%,.0f");
      // The operating system counts CPU time in ticks of 10 ms: more than a whole smoke round.
      if (!plan.inProcess()) {
        row(md, workload + " CPU", "ns/" + unit, measured.cpu(), false, "%,.1f");
      }
    }
    md.append(String.format(Locale.ROOT, "%n%d min.%n", TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start)));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("observability.md"), md.toString());
    System.out.println(md);
  }
}
