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
 * What the placement of actors that talk costs: the hop-bound workloads (pingpong, threadring)
 * on ours as the suite runs it (actors spread over the event loops, round-robin), on ours with
 * every actor on one event loop ({@code ours-one-loop}: what the caller-context dispatcher gives
 * a group that talks), and on Pekko, forks interleaved as the suite's, same JVM settings, with
 * the CPU time per message beside the speed; into {@code placement.md}. Arguments:
 * {@code --quick} (one fork each), {@code --smoke} (in-process, measures nothing), {@code --out DIR}.
 */
public final class PlacementRun {

  private static final List<String> PLATFORMS = List.of("ours", "ours-one-loop", "pekko");
  private static final List<String> WORKLOADS = List.of("pingpong", "threadring");
  /** 4 forks per configuration, each warmed up 5 x 2 s before 5 shots of 1 s: about 8 minutes. */
  private static final Plan RUN = new Plan("placement", 4, 5, Duration.ofSeconds(2), 5, Duration.ofSeconds(1), 1);

  private PlacementRun() {
  }

  private static void row(StringBuilder md, String metric, String unit, Map<String, Samples> samples,
                          boolean higherIsBetter, String format) {
    Ratio spread = Ratio.of(samples.get("ours"), samples.get("pekko"), higherIsBetter);
    Ratio oneLoop = Ratio.of(samples.get("ours-one-loop"), samples.get("pekko"), higherIsBetter);
    Ratio placement = Ratio.of(samples.get("ours-one-loop"), samples.get("ours"), higherIsBetter);
    md.append(String.format(Locale.ROOT, "| %s | %s | " + format + " | " + format + " | " + format
            + " | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] |%n", metric, unit,
        samples.get("ours").median(), samples.get("ours-one-loop").median(), samples.get("pekko").median(),
        spread.value(), spread.low(), spread.high(), oneLoop.value(), oneLoop.low(), oneLoop.high(),
        placement.value(), placement.low(), placement.high()));
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    Plan plan = arguments.contains("--smoke") ? Plan.SMOKE : arguments.contains("--quick") ? Plan.QUICK : RUN;
    Path dir = Plan.outDir(args);
    long start = System.nanoTime();
    Suite suite = new Suite(plan);
    StringBuilder md = new StringBuilder("# Where actors that talk run: spread over the event loops, or on one\n\n")
        .append(String.format(Locale.ROOT, "Plan %s: %d forks per configuration, interleaved; %d x %d s warm-up, %d x %d s "
                + "shots; JVM %s. `ours`: the suite's default, actors handed the event loops round-robin (ping and pong "
                + "on two). `ours, one loop`: `setEventLoops(1)`, every actor on one loop, as the caller-context "
                + "dispatcher puts a group that talks. CPU rows: the process's CPU time (all threads) per message over "
                + "the same shots. Ratios: speed-ups (above 1, the first is ahead), 95%% bootstrap interval.%n%n",
            plan.name(), plan.rounds(), plan.warmupShots(), plan.warmupTime().toSeconds(), plan.shots(),
            plan.shotTime().toSeconds(), String.join(" ", Plan.jvmArgs())))
        .append("| workload | unit | ours | ours, one loop | pekko | ours/pekko [95% CI] | one loop/pekko [95% CI] "
            + "| one loop/ours [95% CI] |\n")
        .append("|---|---|---:|---:|---:|---|---|---|\n");
    for (String workload : WORKLOADS) {
      Suite.Measured measured = suite.interleaved(workload, PLATFORMS, 1);
      String unit = workload.equals("threadring") ? "hop" : "msg";
      row(md, workload, unit + "s/s", measured.speed(), true, "%,.0f");
      if (!plan.inProcess()) {
        row(md, workload + " CPU", "ns/" + unit, measured.cpu(), false, "%,.1f");
      }
    }
    md.append(String.format(Locale.ROOT, "%n%d min.%n", TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start)));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("placement.md"), md.toString());
    System.out.println(md);
  }
}
