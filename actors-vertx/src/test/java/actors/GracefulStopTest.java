package actors;

import actors.dispatch.Dispatchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulStopTest extends SystemTestBase {

  @Test
  void aGracefulStopProcessesWhatWasQueuedFirst() {
    AtomicInteger processed = new AtomicInteger();
    AtomicInteger processedAtPostStop = new AtomicInteger(-1);
    ActorRef ref = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        processed.incrementAndGet();
      }

      @Override
      public void postStop() {
        processedAtPostStop.set(processed.get());
      }
    });
    for (int i = 0; i < 1_000; i++) {
      ref.tell(i);
    }
    long deadLetters = system.deadLetterCount();
    system.gracefulStop(ref, Duration.ofSeconds(5)).await();
    assertThat(processedAtPostStop).hasValue(1_000);
    assertThat(system.deadLetterCount()).isEqualTo(deadLetters);
  }

  @Test
  void aGracefulStopThatTakesTooLongFailsWithATimeout() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ActorRef ref = system.actorOf(props((a, m) -> {
      inside.countDown();
      release.await(10, TimeUnit.SECONDS);
    }).withDispatcher(Dispatchers.WORKER), "slow");
    ref.tell("block");
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThatThrownBy(() -> system.gracefulStop(ref, Duration.ofMillis(50)).await())
          .isInstanceOf(TimeoutException.class)
          .hasMessage("/user/slow did not stop within 50 ms of a graceful stop");
    } finally {
      release.countDown();
    }
    assertThatThrownBy(() -> system.gracefulStop(ref, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
