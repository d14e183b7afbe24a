package benchmarks.remote;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each platform's two-node pair on every build, briefly, so RemoteBenchmark cannot rot. */
class RemoteSmokeTest {

  @ParameterizedTest
  @ValueSource(strings = {"ours", "ours-unsealed", "pekko", "bus"})
  void tellsAreAcknowledgedAndAsksAnswered(String platform) throws Exception {
    try (RemotePair pair = RemotePair.of(platform)) {
      pair.tell(RemotePair.BURST * RemotePair.WINDOW * 3);
      pair.tell(RemotePair.BURST);
      for (long i = 0; i < 10; i++) {
        assertThat(pair.ask(i)).isEqualTo(i);
      }
    }
  }
}
