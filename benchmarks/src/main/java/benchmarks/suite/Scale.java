package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

import java.util.concurrent.atomic.AtomicInteger;

/** scale: {@code size} actors, one message round: a message to each, the round ends when all were processed. */
final class Scale extends Workload {

  private static final Object MESSAGE = 1;

  private final Latch done = new Latch();
  private final AtomicInteger left = new AtomicInteger();
  private Ref[] actors;

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    actors = new Ref[size];
    for (int i = 0; i < size; i++) {
      actors[i] = platform.spawn((message, replier) -> {
        if (left.decrementAndGet() == 0) {
          done.countDown();
        }
      });
    }
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    left.set(size);
    done.reset(1);
    for (Ref actor : actors) {
      actor.tell(MESSAGE);
    }
    done.await("scale");
  }
}
