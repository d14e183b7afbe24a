package actors.dispatch.impl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many producers, one consumer: nothing lost, nothing duplicated, FIFO per producer, also while
 * the consumer lets the stub go; an idle queue holds no node.
 */
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
        queue.dropStub(); // as a drain that found the queue empty does, racing the producers
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

  @Test
  void anIdleQueueHoldsNoNodeAndTakesTheNextOneFirst() throws Exception {
    EnvelopeQueue queue = new EnvelopeQueue();
    assertThat(nodes(queue)).as("a new queue").containsOnlyNulls();
    queue.offer(new Envelope("a", null));
    queue.offer(new Envelope("b", null));
    assertThat(queue.sizeForConsumer()).isEqualTo(2);
    queue.dropStub(); // not empty: nothing happens
    assertThat(queue.poll().message).isEqualTo("a");
    assertThat(queue.sizeForConsumer()).isEqualTo(1);
    Envelope b = queue.poll();
    assertThat(b.message).isEqualTo("b");
    EnvelopeQueue.release(b);
    assertThat(nodes(queue)).as("b is the stub").containsOnly(b);
    queue.dropStub();
    assertThat(nodes(queue)).as("let go").containsOnlyNulls();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.poll()).isNull();
    queue.offer(new Envelope("c", null));
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.sizeForConsumer()).isEqualTo(1);
    queue.offer(new Envelope("d", null));
    assertThat(queue.approximateSize(10)).isEqualTo(2);
    assertThat(queue.poll().message).isEqualTo("c");
    assertThat(queue.poll().message).isEqualTo("d");
    assertThat(queue.poll()).isNull();
  }

  private static List<Object> nodes(EnvelopeQueue queue) throws Exception {
    List<Object> nodes = new ArrayList<>();
    for (String name : List.of("head", "tail")) {
      java.lang.reflect.Field field = EnvelopeQueue.class.getDeclaredField(name);
      field.setAccessible(true);
      nodes.add(field.get(queue));
    }
    return nodes;
  }
}
