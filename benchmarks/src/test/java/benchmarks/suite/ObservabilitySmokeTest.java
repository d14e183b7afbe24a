package benchmarks.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ObservabilityRun's smoke mode on every build: metrics on and tracing on run each workload, so neither can rot. */
class ObservabilitySmokeTest {

  @Test
  void eachWorkloadRunsWithMetricsAndWithTracing() throws Exception {
    Path out = Path.of("target", "observability-smoke");
    ObservabilityRun.main(new String[] {"--smoke", "--out", out.toString()});
    String table = Files.readString(out.resolve("observability.md"));
    assertThat(table).contains("| workload | unit | off | metrics on | tracing on |")
        .containsPattern("\\| tell-throughput \\| msg/s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|")
        .containsPattern("\\| pingpong \\| msg/s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|")
        .containsPattern("\\| ask \\| asks/s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|");
  }
}
