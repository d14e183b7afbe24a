package benchmarks.grains;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Both routes on two nodes, briefly, on every build, so GrainBenchmark and GrainPairsRun cannot rot. */
class GrainSmokeTest {

  @Test
  void callsByBothRoutesAreAnswered() throws Exception {
    try (GrainCluster cluster = new GrainCluster(2)) {
      for (boolean typed : new boolean[] {false, true}) {
        cluster.asks(typed, GrainBenchmark.OUTSTANDING);
        for (int i = 0; i < 10; i++) {
          assertThat(cluster.ask(typed, i, i)).isEqualTo("q" + i);
        }
      }
    }
  }

  @Test
  void pairsRunOnOneNodeAndTwo() throws Exception {
    Path out = Path.of("target", "grains-paired-smoke");
    GrainPairsRun.main(new String[] {"--smoke", "--out", out.toString()});
    assertThat(Files.readString(out.resolve("grains-paired.md")))
        .containsPattern("\\| 1 \\| µs a call \\| [\\d,.]+ \\| [\\d,.]+ \\| \\d+\\.\\d\\d \\[")
        .containsPattern("\\| 2 \\| µs a call \\| [\\d,.]+ \\| [\\d,.]+ \\| \\d+\\.\\d\\d \\[");
  }
}
