package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

/** tell-throughput: 4 receivers, {@code size} messages each, sent from one thread outside the system. */
final class TellThroughput extends Workload {

  static final int RECEIVERS = 4;
  private static final Object MESSAGE = 1;

  private final Ref[] receivers = new Ref[RECEIVERS];
  private final Latch done = new Latch();

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    for (int i = 0; i < RECEIVERS; i++) {
      receivers[i] = platform.spawn(new Platform.Behavior() {
        int received;

        @Override
        public void receive(Object message, Platform.Replier replier) {
          if (++received == size) {
            received = 0;
            done.countDown();
          }
        }
      });
    }
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    done.reset(RECEIVERS);
    for (int i = 0; i < size; i++) {
      for (Ref receiver : receivers) {
        receiver.tell(MESSAGE);
      }
    }
    done.await("tell-throughput");
  }
}
