package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

/** fanout: one sender actor sends {@code size} messages round-robin to 1,000 receivers: scheduling-bound. */
final class Fanout extends Workload {

  static final int RECEIVERS = 1_000;
  private static final Object MESSAGE = 1;

  private final Latch done = new Latch();
  private final Ref[] receivers = new Ref[RECEIVERS];
  private Ref sender;

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    int each = size / RECEIVERS;
    for (int i = 0; i < RECEIVERS; i++) {
      receivers[i] = platform.spawn(new Platform.Behavior() {
        int received;

        @Override
        public void receive(Object message, Platform.Replier replier) {
          if (++received == each) {
            received = 0;
            done.countDown();
          }
        }
      });
    }
    sender = platform.spawn((message, replier) -> {
      for (int m = 0; m < each; m++) {
        for (Ref receiver : receivers) {
          receiver.tell(MESSAGE);
        }
      }
    });
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    done.reset(RECEIVERS);
    sender.tell("go");
    done.await("fanout");
  }
}
