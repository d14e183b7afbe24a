package benchmarks.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each platform persisting one shot on a real PostgreSQL, on every build, so PersistComparisonBenchmark cannot rot. */
class PersistComparisonSmokeTest {

  @ParameterizedTest
  @CsvSource({"ours, 100", "ours-jdbc, 100", "pekko, 100"})
  void aShotStoresEveryEvent(String platform, int actors) throws Exception {
    PersistComparisonBenchmark benchmark = new PersistComparisonBenchmark();
    benchmark.platform = platform;
    benchmark.actors = actors;
    benchmark.setUp();
    try {
      benchmark.newIteration();
      benchmark.persist();
      benchmark.printLatency();
      assertThat(benchmark.storedEvents()).isEqualTo(PersistComparisonBenchmark.EVENTS);
    } finally {
      benchmark.tearDown();
    }
  }
}
