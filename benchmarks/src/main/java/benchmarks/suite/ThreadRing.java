package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

/** threadring: 503 actors in a ring pass a token {@code size} hops. */
final class ThreadRing extends Workload {

  static final int ACTORS = 503;

  private final Latch done = new Latch();
  private final Ref[] ring = new Ref[ACTORS];

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    for (int i = 0; i < ACTORS; i++) {
      int next = (i + 1) % ACTORS;
      ring[i] = platform.spawn((message, replier) -> {
        int hopsLeft = (Integer) message;
        if (hopsLeft == 0) {
          done.countDown();
        } else {
          ring[next].tell(hopsLeft - 1);
        }
      });
    }
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    done.reset(1);
    ring[0].tell(size);
    done.await("threadring");
  }
}
