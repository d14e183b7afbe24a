package benchmarks.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** MetricsCostRun's smoke mode on every build: metrics on and off run each workload side by side in one JVM. */
class MetricsCostSmokeTest {

  @Test
  void eachWorkloadRunsInPairs() throws Exception {
    Path out = Path.of("target", "metrics-cost-smoke");
    MetricsCostRun.main(new String[] {"--smoke", "--out", out.toString()});
    String table = Files.readString(out.resolve("metrics-cost.md"));
    assertThat(table).contains("| workload | unit | off | metrics on | cost [95% CI] |")
        .containsPattern("\\| tell-throughput \\| ns/msg \\| [\\d,.]+ \\| [\\d,.]+ \\| \\d+\\.\\d\\d \\[")
        .containsPattern("\\| pingpong \\| ns/msg \\| [\\d,.]+ \\| [\\d,.]+ \\| \\d+\\.\\d\\d \\[")
        .containsPattern("\\| ask \\| ns/ask \\| [\\d,.]+ \\| [\\d,.]+ \\| \\d+\\.\\d\\d \\[");
  }
}
