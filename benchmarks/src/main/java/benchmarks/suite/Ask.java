package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ask: {@code size} asks from one thread outside the system to one echo actor, at most 1,000
 * outstanding. Records the latency of every ask when {@link #latencies} is set.
 */
final class Ask extends Workload {

  static final int OUTSTANDING = 1_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Ref echo;

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    echo = platform.spawn((message, replier) -> replier.reply(message));
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    Semaphore window = new Semaphore(OUTSTANDING);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    for (int i = 0; i < size; i++) {
      window.acquire();
      platform.ask(echo, i, TIMEOUT).whenComplete((answer, failure) -> {
        if (failure != null) {
          failed.compareAndSet(null, failure);
        }
        window.release();
      });
    }
    if (!window.tryAcquire(OUTSTANDING, 10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("asks did not finish");
    }
    if (failed.get() != null) {
      throw new IllegalStateException("an ask failed: the round does not count", failed.get());
    }
  }
}
