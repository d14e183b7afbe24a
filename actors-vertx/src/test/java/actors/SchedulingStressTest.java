package actors;

import io.vertx.core.Promise;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads and actors at once, so that drains are scheduled every way there is: from
 * outside, from other loops, into loops that are spinning for work or asleep, and while a drain
 * is ending. No message may be lost or run twice, no actor may run on two threads at once, and
 * each sender's order must hold.
 */
class SchedulingStressTest extends SystemTestBase {

  private static final int ACTORS = 64;
  private static final int EXTERNAL_SENDERS = 4;
  private static final int PER_SENDER = 100_000;

  @Test
  void noMessageIsLostDuplicatedOrReorderedPerSender(VertxTestContext test) throws Exception {
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger disorder = new AtomicInteger();
    AtomicLong received = new AtomicLong();
    long expected = (long) EXTERNAL_SENDERS * PER_SENDER * 2; // each message is forwarded once
    Promise<Void> all = Promise.promise();
    List<ActorRef> actors = new ArrayList<>();
    for (int i = 0; i < ACTORS; i++) {
      int me = i;
      actors.add(system.actorOf(props(new FnActor.Behaviour() {
        final AtomicBoolean running = new AtomicBoolean();
        final int[] lastFromSender = new int[EXTERNAL_SENDERS * 2];

        @Override
        public void receive(FnActor a, Object m) {
          if (!running.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
          }
          int[] message = (int[]) m; // {sender, sequence, hops}
          if (message[1] <= lastFromSender[message[0]]) {
            disorder.incrementAndGet();
          }
          lastFromSender[message[0]] = message[1];
          if (message[2] == 0) {
            // Forward once, from this actor's loop to another actor's.
            actors.get((me + 1) % ACTORS).tell(new int[] {EXTERNAL_SENDERS + message[0], message[1], 1});
          }
          running.set(false);
          if (received.incrementAndGet() == expected) {
            all.complete();
          }
        }
      })));
    }
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < EXTERNAL_SENDERS; s++) {
      int sender = s;
      Thread thread = new Thread(() -> {
        for (int i = 1; i <= PER_SENDER; i++) {
          // One sender, one target per round of ACTORS: the per-sender order is checked per actor.
          actors.get((i + sender) % ACTORS).tell(new int[] {sender, i, 0});
        }
      });
      senders.add(thread);
      thread.start();
    }
    for (Thread thread : senders) {
      thread.join();
    }
    all.future().onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(overlaps).hasValue(0);
      assertThat(disorder).hasValue(0);
      assertThat(received).hasValue(expected);
      test.completeNow();
    })));
  }
}
