package benchmarks.grains;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Both routes on two nodes, briefly, on every build, so GrainBenchmark cannot rot. */
class GrainSmokeTest {

  @ParameterizedTest
  @CsvSource({"raw", "grain"})
  void callsAreAnswered(String route) throws Exception {
    try (GrainCluster cluster = new GrainCluster(2, route)) {
      cluster.asks(GrainBenchmark.OUTSTANDING);
      for (int i = 0; i < 10; i++) {
        assertThat(cluster.ask(i, i)).isEqualTo("q" + i);
      }
    }
  }
}
