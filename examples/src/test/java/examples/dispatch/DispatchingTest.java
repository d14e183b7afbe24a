package examples.dispatch;

import examples.Stdout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchingTest {

  @Test
  void theWorkerActorReadsAndPinnedActorsShareTheirContext() {
    assertThat(Stdout.linesOf(() -> {
      try {
        Dispatching.main(new String[0]);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    })).containsExactly("the worker actor read 12 characters", "pinned actors share a context: true");
  }
}
