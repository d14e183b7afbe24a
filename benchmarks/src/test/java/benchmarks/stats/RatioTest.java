package benchmarks.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioTest {

  /** Each pair's shots slowed alike (a phase of the host, 1x to 3x): the paired ratio sees none of it. */
  @Test
  void pairedRatioCancelsWhatHitsBothShotsOfAPair() {
    // Each fork's phases 1x to 3x, pair by pair.
    Samples off = shots((fork, pair) -> 100.0 * (1 + (fork * 8 + pair) % 3));
    Samples on = shots((fork, pair) -> 110.0 * (1 + (fork * 8 + pair) % 3));
    Ratio paired = Ratio.paired(on, off, true);
    assertThat(paired.value()).isCloseTo(1.1, within(1e-9));
    assertThat(paired.low()).isCloseTo(1.1, within(1e-9));
    assertThat(paired.high()).isCloseTo(1.1, within(1e-9));
    Ratio unpaired = Ratio.of(on, off, true);
    assertThat(unpaired.high() - unpaired.low()).isGreaterThan(0.1);
  }

  /** The pairs' ratios themselves spread: the interval holds their median and is not a point. */
  @Test
  void pairedIntervalSpreadsWithThePairs() {
    Samples off = shots((fork, pair) -> 100.0);
    Samples on = shots((fork, pair) -> 100.0 + 5 * ((fork + pair) % 5)); // ratios 1.00 to 1.20
    Ratio paired = Ratio.paired(on, off, true);
    assertThat(paired.value()).isCloseTo(1.1, within(1e-9));
    assertThat(paired.low()).isLessThan(paired.value()).isGreaterThanOrEqualTo(1.0);
    assertThat(paired.high()).isGreaterThan(paired.value()).isLessThanOrEqualTo(1.2);
  }

  /** 4 forks of 8 shots each, shot {@code pair} of fork {@code fork} taking {@code time.of(fork, pair)}. */
  private static Samples shots(Shot time) {
    Samples samples = new Samples();
    for (int fork = 0; fork < 4; fork++) {
      double[] shots = new double[8];
      for (int pair = 0; pair < 8; pair++) {
        shots[pair] = time.of(fork, pair);
      }
      samples.addFork(shots);
    }
    return samples;
  }

  private interface Shot {
    double of(int fork, int pair);
  }
}
