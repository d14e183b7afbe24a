package actors.dispatch.impl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Many producers, one consumer: nothing lost, nothing duplicated, FIFO per producer. */
class EnvelopeQueueTest {

  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 500_000;

  @Test
  void concurrentProducersKeepTheirOrderAndLoseNothing() throws Exception {
    EnvelopeQueue queue = new EnvelopeQueue();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int producer = p;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < PER_PRODUCER; i++) {
          queue.offer(new Envelope(new long[] {producer, i}, null));
        }
      });
      thread.start();
      producers.add(thread);
    }
    start.countDown();

    long[] next = new long[PRODUCERS];
    int taken = 0;
    while (taken < PRODUCERS * PER_PRODUCER) {
      Envelope envelope = queue.poll();
      if (envelope == null) {
        Thread.onSpinWait();
        continue;
      }
      long[] item = (long[]) envelope.message;
      EnvelopeQueue.release(envelope);
      assertThat(item[1]).as("producer %d", item[0]).isEqualTo(next[(int) item[0]]);
      next[(int) item[0]]++;
      taken++;
    }
    for (Thread producer : producers) {
      producer.join();
    }
    assertThat(queue.poll()).isNull();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(next).containsOnly(PER_PRODUCER);
  }

  @Test
  void aTakenEnvelopeNoLongerHoldsItsMessage() {
    EnvelopeQueue queue = new EnvelopeQueue();
    queue.offer(new Envelope("payload", null));
    assertThat(queue.isEmpty()).isFalse();
    Envelope taken = queue.poll();
    assertThat(taken.message).isEqualTo("payload");
    EnvelopeQueue.release(taken);
    assertThat(taken.message).isNull();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aNodeTheQueueNoLongerHoldsLinksToNothing() {
    // A dead node that links to live ones would keep them, and every node after them, alive
    // across young collections once it has been promoted (nepotism).
    EnvelopeQueue queue = new EnvelopeQueue();
    queue.offer(new Envelope("a", null));
    queue.offer(new Envelope("b", null));
    queue.offer(new Envelope("c", null));
    Envelope a = queue.poll();
    assertThat(a.nextAcquire()).as("a is the stub: it links to b").isNotNull();
    Envelope b = queue.poll();
    assertThat(a.nextAcquire()).as("a, replaced as the stub by b").isNull();
    assertThat(b.nextAcquire().message).isEqualTo("c");
    assertThat(queue.poll().message).isEqualTo("c");
    assertThat(b.nextAcquire()).isNull();
    assertThat(queue.poll()).isNull();
  }
}
