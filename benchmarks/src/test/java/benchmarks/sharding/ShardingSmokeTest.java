package benchmarks.sharding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each platform's two nodes, sharded and direct, on every build, briefly, so ShardingBenchmark cannot rot. */
class ShardingSmokeTest {

  @ParameterizedTest
  @CsvSource({"ours, sharded", "ours, direct", "pekko, sharded", "pekko, direct"})
  void tellsAreAcknowledgedAndAsksAnswered(String platform, String route) throws Exception {
    try (ShardedCluster cluster = ShardedCluster.of(platform, 2, route)) {
      cluster.tell(ShardedCluster.BURST * ShardedCluster.WINDOW * 3);
      cluster.tell(ShardedCluster.BURST);
      for (int i = 0; i < 10; i++) {
        assertThat(cluster.ask(i, i)).isEqualTo("q" + i);
      }
    }
  }
}
