package benchmarks.suite;

import benchmarks.stats.Ratio;
import benchmarks.stats.Samples;
import benchmarks.suite.Suite.Row;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's table, {@code results.md} and {@code results.json}: per row, each platform's
 * median, and for each peer the speed-up of ours with its 95% interval, the verdict the interval
 * allows and the ratio of the best shots; then the targets, met or not.
 */
final class Report {

  /** A target speed-up of ours over a peer on one row. */
  private record Target(String workload, String peer, double atLeast) {
  }

  private static final List<Target> TARGETS = List.of(
      new Target("tell-throughput", "pekko", 1.5), new Target("tell-throughput", "eventbus", 5),
      // Within 1.5x of the physical limit: at least two thirds of its speed.
      new Target("tell-throughput", "limit", 1 / 1.5),
      new Target("pingpong", "pekko", 1.0), new Target("threadring", "pekko", 1.0),
      new Target("fanout", "pekko", 1.2),
      new Target("ask", "pekko", 1.5), new Target("ask", "eventbus", 2),
      new Target("create µs/actor", "pekko", 3),
      new Target("scale 1,000,000 actors", "pekko", 1.0));

  private static final double DRIFT_WARNING = 0.10;

  private final Plan plan;
  private final List<Row> rows;
  private final long seconds;

  Report(Plan plan, List<Row> rows, long seconds) {
    this.plan = plan;
    this.rows = rows;
    this.seconds = seconds;
  }

  void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder()
        .append("| workload | unit | ours | pekko | event bus | ours/pekko [95% CI] | vs pekko | best shots | ours/bus [95% CI] | vs bus | best shots "
            + "| MPSC limit | ours/limit [95% CI] |\n")
        .append("|---|---|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|\n");
    JsonArray json = new JsonArray();
    List<String> drifting = new ArrayList<>();
    for (Row row : rows) {
      md.append("| ").append(row.workload()).append(" | ").append(row.unit());
      JsonObject platforms = new JsonObject();
      for (String platform : Suite.PLATFORMS) {
        Samples samples = row.samples().get(platform);
        md.append(" | ").append(samples == null ? "n/a" : Suite.format(samples.median()));
        if (samples != null) {
          platforms.put(platform, platformJson(samples, row.higherIsBetter()));
          if (Math.abs(samples.drift()) > DRIFT_WARNING && samples.fork(0).length > 1) {
            drifting.add(String.format(Locale.ROOT, "%s %s (%+.0f%%)", row.workload(), platform, samples.drift() * 100));
          }
        }
      }
      JsonObject ratios = new JsonObject();
      for (String peer : List.of("pekko", "eventbus")) {
        Ratio ratio = ratio(row, peer);
        if (ratio == null) {
          md.append(" | n/a | | ");
        } else {
          md.append(String.format(Locale.ROOT, " | %.2f [%.2f, %.2f] | %s | %.2f", ratio.value(), ratio.low(), ratio.high(),
              ratio.verdict(), ratio.best()));
          ratios.put(peer, new JsonObject().put("value", ratio.value()).put("low", ratio.low()).put("high", ratio.high())
              .put("best", ratio.best()).put("verdict", ratio.verdict()));
        }
      }
      Samples limit = row.samples().get("limit");
      Ratio ofLimit = ratio(row, "limit");
      if (limit == null || ofLimit == null) {
        md.append(" | | ");
      } else {
        platforms.put("limit", platformJson(limit, row.higherIsBetter()));
        md.append(" | ").append(Suite.format(limit.median()))
            .append(String.format(Locale.ROOT, " | %.2f [%.2f, %.2f]", ofLimit.value(), ofLimit.low(), ofLimit.high()));
        ratios.put("limit", new JsonObject().put("value", ofLimit.value()).put("low", ofLimit.low()).put("high", ofLimit.high()));
      }
      md.append(" |\n");
      json.add(new JsonObject().put("workload", row.workload()).put("unit", row.unit())
          .put("higherIsBetter", row.higherIsBetter()).put("platforms", platforms).put("ratios", ratios));
    }
    StringBuilder targets = new StringBuilder("\nTargets (met: the interval clears it; missed: it lies below; not shown: it straddles):\n\n");
    JsonArray targetsJson = new JsonArray();
    for (Target target : TARGETS) {
      Row row = rows.stream().filter(r -> (r.workload() + (r.unit().equals("µs/actor") ? " µs/actor" : "")).equals(target.workload()))
          .findFirst().orElse(null);
      Ratio ratio = row == null ? null : ratio(row, target.peer());
      if (ratio != null) {
        targets.append(String.format(Locale.ROOT, "* %s, ours/%s ≥ %.2f: %s (%.2f [%.2f, %.2f])%n", target.workload(),
            target.peer(), target.atLeast(), ratio.against(target.atLeast()), ratio.value(), ratio.low(), ratio.high()));
        targetsJson.add(new JsonObject().put("workload", target.workload()).put("peer", target.peer())
            .put("atLeast", target.atLeast()).put("status", ratio.against(target.atLeast())));
      }
    }
    growth(targets, targetsJson);
    String header = header(drifting);
    Files.writeString(dir.resolve("results.md"), header + md + targets);
    Files.writeString(dir.resolve("results.json"), new JsonObject().put("smoke", plan == Plan.SMOKE).put("mode", plan.name())
        .put("date", java.time.LocalDate.now().toString()).put("seconds", seconds)
        .put("jdk", Runtime.version().toString()).put("vertx", vertxVersion()).put("pekko", org.apache.pekko.Version.current())
        .put("cores", Runtime.getRuntime().availableProcessors()).put("jvmArgs", new JsonArray(new ArrayList<>(Plan.jvmArgs())))
        .put("rows", json).put("targets", targetsJson).encodePrettily());
    System.out.println(header + md + targets);
  }

  /** The target on ours alone: ns per message at a million actors at most twice that at a thousand. */
  private void growth(StringBuilder targets, JsonArray targetsJson) {
    Samples thousand = samples("scale 1,000 actors");
    Samples million = samples("scale 1,000,000 actors");
    if (thousand == null || million == null) {
      return;
    }
    // thousand ÷ million, lower is better: at least 0.5 means a million costs at most twice as much.
    Ratio ratio = Ratio.of(million, thousand, false);
    String status = ratio.against(0.5);
    targets.append(String.format(Locale.ROOT, "* scale, ours: ns/msg at 1,000,000 actors ≤ 2 × at 1,000: %s (%.2f [%.2f, %.2f] times)%n",
        status, 1 / ratio.value(), 1 / ratio.high(), 1 / ratio.low()));
    targetsJson.add(new JsonObject().put("workload", "scale 1,000,000 ÷ scale 1,000").put("peer", "ours")
        .put("atMost", 2.0).put("status", status));
  }

  private Samples samples(String workload) {
    return rows.stream().filter(row -> row.workload().equals(workload)).findFirst()
        .map(row -> row.samples().get("ours")).orElse(null);
  }

  private static Ratio ratio(Row row, String peer) {
    Samples ours = row.samples().get("ours");
    Samples other = row.samples().get(peer);
    return ours == null || other == null ? null : Ratio.of(ours, other, row.higherIsBetter());
  }

  private static JsonObject platformJson(Samples samples, boolean higherIsBetter) {
    JsonArray forks = new JsonArray();
    for (int i = 0; i < samples.forkCount(); i++) {
      JsonArray shots = new JsonArray();
      for (double shot : samples.fork(i)) {
        shots.add(shot);
      }
      forks.add(shots);
    }
    return new JsonObject().put("median", samples.median()).put("best", samples.best(higherIsBetter))
        .put("drift", samples.drift()).put("forks", forks);
  }

  private String header(List<String> drifting) {
    String mode = switch (plan.name()) {
      case "smoke" -> "Smoke run (tiny sizes, one in-process round each: not a measurement).";
      case "quick" -> "Quick run: one fork per platform, so the intervals show only the noise within a fork.";
      default -> "Full run.";
    };
    return mode + "\n\n"
        + "Run on " + java.time.LocalDate.now() + ": JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name")
        + "), Vert.x " + vertxVersion() + ", Apache Pekko " + org.apache.pekko.Version.current() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; " + (seconds / 60) + " min " + (seconds % 60) + " s.\n"
        + (plan.inProcess() ? "" : String.format(Locale.ROOT,
            "Per workload and platform: %d fork%s, interleaved across the platforms; each fork warms up for %d s "
                + "(%d shots of %d s) and measures %d shots of %d s (a shot repeats rounds until its time has passed).%n"
                + "Every fork's JVM settings, the same for every platform: `%s` (the common pool's parallelism is at "
                + "least 2: below that, CompletableFuture runs async work on a new thread per task).%n",
            plan.forks(), plan.forks() == 1 ? "" : "s", plan.warmupTime().multipliedBy(plan.warmupShots()).toSeconds(), plan.warmupShots(),
            plan.warmupTime().toSeconds(), plan.shots(), plan.shotTime().toSeconds(), String.join(" ", Plan.jvmArgs())))
        + "Values are medians over every measured shot. Ratios are speed-ups: above 1, ours is ahead (for times and "
        + "sizes: peer ÷ ours); the 95% interval is a paired bootstrap over forks and shots; \"ahead\" and \"behind\" "
        + "only where the interval excludes 1.\n"
        + (drifting.isEmpty() || plan.inProcess() ? "" : "Not steady (second half of the shots differs from the first by more than "
            + Math.round(DRIFT_WARNING * 100) + "%): " + String.join(", ", drifting) + ".\n")
        + "\n";
  }

  private static String vertxVersion() {
    return io.vertx.core.Vertx.class.getPackage().getImplementationVersion();
  }
}
