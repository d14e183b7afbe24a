package benchmarks.suite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's smoke mode on every build: each workload runs on each platform, so none can rot
 * (the CPU time of each shot is recorded and read too, but a smoke round is too short for a row).
 */
class SuiteSmokeTest {

  @Test
  void everyWorkloadRunsOnEveryPlatformAndTheTablesAreWritten() throws Exception {
    Path out = Path.of("target", "benchmark-smoke");
    Suite.main(new String[] {"--smoke", "--out", out.toString()});

    JsonObject results = new JsonObject(Files.readString(out.resolve("results.json")));
    assertThat(results.getBoolean("smoke")).isTrue();
    assertThat(results.getString("vertx")).startsWith("5.");
    assertThat(results.getString("pekko")).startsWith("1.");
    JsonArray rows = results.getJsonArray("rows");
    List<String> workloads = rows.stream().map(row -> ((JsonObject) row).getString("workload")).toList();
    // No CPU rows: a smoke round is shorter than the 10 ms tick the process's CPU time is counted in.
    List<String> latencies = new ArrayList<>();
    for (String trip : List.of("ask ", "tell round trip ")) {
      for (String level : List.of("one at a time", "at 10% of max", "at 50% of max", "at 80% of max")) {
        for (String percentile : List.of("p50", "p99", "p99.9", "max")) {
          latencies.add(trip + level + " " + percentile);
        }
      }
    }
    List<String> expected = new ArrayList<>(List.of("tell-throughput", "pingpong", "threadring", "fanout", "ask"));
    expected.addAll(latencies);
    expected.addAll(List.of("create", "create", "scale 10 actors", "scale 1,000 actors"));
    assertThat(workloads).containsExactlyElementsOf(expected);
    for (Object row : rows) {
      JsonObject values = (JsonObject) row;
      String workload = values.getString("workload");
      for (String platform : List.of("ours", "pekko")) {
        JsonObject samples = values.getJsonObject("platforms").getJsonObject(platform);
        assertThat(samples.getDouble("median")).as("%s, %s", platform, workload).isPositive();
        assertThat(samples.getJsonArray("forks")).as("%s, %s", platform, workload).hasSize(1);
      }
      JsonObject ratio = values.getJsonObject("ratios").getJsonObject("pekko");
      assertThat(ratio.getDouble("low")).as(workload).isLessThanOrEqualTo(ratio.getDouble("value"));
      assertThat(ratio.getDouble("high")).as(workload).isGreaterThanOrEqualTo(ratio.getDouble("value"));
      assertThat(ratio.getString("verdict")).as(workload).isEqualTo("one shot");
      // The MPSC limit is measured for tells only, beside the platforms, with its ratio.
      boolean tell = workload.equals("tell-throughput");
      assertThat(values.getJsonObject("platforms").containsKey("limit")).as(workload).isEqualTo(tell);
      if (tell) {
        assertThat(values.getJsonObject("platforms").getJsonObject("limit").getDouble("median")).isPositive();
        assertThat(values.getJsonObject("ratios").getJsonObject("limit").getDouble("value")).isPositive();
      }
    }
    assertThat(results.getJsonArray("jvmArgs").getList()).contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism="
        + Math.max(2, Runtime.getRuntime().availableProcessors() - 1));
    assertThat(Files.readString(out.resolve("results.md")))
        .startsWith("Smoke run")
        .containsPattern("Run on \\d{4}-\\d{2}-\\d{2}: JDK .*, Vert\\.x 5\\.\\d+\\.\\d+, Apache Pekko 1\\.\\d+\\.\\d+, \\d+ cores")
        .contains("| workload | unit | ours | pekko | event bus | ours/pekko [95% CI] | vs pekko | best shots |")
        .contains("| MPSC limit | ours/limit [95% CI] |")
        .contains("* tell-throughput, ours/limit ≥ 0.67: ")
        .contains("Targets");
  }
}
