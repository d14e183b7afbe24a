package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;

/** pingpong: two actors send one message back and forth, {@code size} messages in all: latency-bound. */
final class PingPong extends Workload {

  private static final Object BALL = 1;

  private final Latch done = new Latch();
  private Ref ping;
  private Ref pong;

  @Override
  void setUp(Platform platform, int size) throws Exception {
    super.setUp(platform, size);
    Ref[] partner = new Ref[2];
    ping = platform.spawn(new Platform.Behavior() {
      int received;

      @Override
      public void receive(Object message, Platform.Replier replier) {
        // Ping receives every other message: size / 2 of them end the round.
        if (++received == size / 2) {
          received = 0;
          done.countDown();
        } else {
          partner[1].tell(BALL);
        }
      }
    });
    pong = platform.spawn((message, replier) -> partner[0].tell(BALL));
    partner[0] = ping;
    partner[1] = pong;
    platform.awaitReady();
  }

  @Override
  void run() throws Exception {
    done.reset(1);
    pong.tell(BALL);
    done.await("pingpong");
  }
}
