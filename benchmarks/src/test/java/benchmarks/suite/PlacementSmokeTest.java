package benchmarks.suite;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** PlacementRun's smoke mode on every build: the hop-bound workloads run spread, on one loop, and on Pekko. */
class PlacementSmokeTest {

  @Test
  void eachHopBoundWorkloadRunsSpreadOnOneLoopAndOnPekko() throws Exception {
    Path out = Path.of("target", "placement-smoke");
    PlacementRun.main(new String[] {"--smoke", "--out", out.toString()});
    String table = Files.readString(out.resolve("placement.md"));
    assertThat(table).contains("| workload | unit | ours | ours, one loop | pekko |")
        .containsPattern("\\| pingpong \\| msgs/s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|")
        .containsPattern("\\| threadring \\| hops/s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|");
  }
}
