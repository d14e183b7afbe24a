package examples.timers;

import examples.Stdout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TickerTest {

  @Test
  void ticksThreeTimesThenStopsWhenIdle() {
    assertThat(Stdout.linesOf(() -> Ticker.main(new String[0])))
        .containsExactly("tick 1", "tick 2", "tick 3", "idle for 300 ms: stopping");
  }
}
