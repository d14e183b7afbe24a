package actors.dispatch.impl;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** The envelope queue: many producers, one consumer; no loss, no duplicate, FIFO per producer. */
public final class EnvelopeQueueStress {

  private EnvelopeQueueStress() {
  }

  static int take(EnvelopeQueue queue) {
    Envelope envelope = queue.poll();
    if (envelope == null) {
      return 0;
    }
    int id = (Integer) envelope.message();
    EnvelopeQueue.release(envelope);
    return id;
  }

  /** Two producers, one sending 1 then 2, the other 3; the consumer takes all three afterwards. */
  @JCStressTest
  @Outcome(id = {"1, 2, 3", "1, 3, 2", "3, 1, 2"}, expect = ACCEPTABLE, desc = "each producer's order kept")
  @Outcome(expect = FORBIDDEN, desc = "lost, duplicated or reordered within a producer")
  @State
  public static class TwoProducers {
    final EnvelopeQueue queue = new EnvelopeQueue();

    @Actor
    public void first() {
      queue.offer(new Envelope(1, null));
      queue.offer(new Envelope(2, null));
    }

    @Actor
    public void second() {
      queue.offer(new Envelope(3, null));
    }

    @Arbiter
    public void consumer(III_Result r) {
      r.r1 = take(queue);
      r.r2 = take(queue);
      r.r3 = take(queue);
    }
  }

  /**
   * The consumer polls and lets the stub go (as a drain that ends does) while the producer offers
   * 1 then 2; the arbiter takes what is left: nothing lost or reordered by the stub let go.
   */
  @JCStressTest
  @Outcome(id = {"0, 1, 2", "1, 2, 0"}, expect = ACCEPTABLE, desc = "in order, each once")
  @Outcome(expect = FORBIDDEN, desc = "lost, duplicated or out of order")
  @State
  public static class ConcurrentConsumer {
    final EnvelopeQueue queue = new EnvelopeQueue();

    @Actor
    public void producer() {
      queue.offer(new Envelope(1, null));
      queue.offer(new Envelope(2, null));
    }

    @Actor
    public void consumer(III_Result r) {
      r.r1 = take(queue);
      queue.dropStub();
    }

    @Arbiter
    public void rest(III_Result r) {
      r.r2 = take(queue);
      r.r3 = take(queue);
    }
  }
}
