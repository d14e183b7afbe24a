package actors.dispatch.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An unbounded, lock-free, intrusive multi-producer single-consumer FIFO of {@link Envelope}s
 * (Vyukov's node queue; the same algorithm as Pekko's {@code AbstractNodeQueue}).
 *
 * <p>Invariants: {@code head} is the last node taken (the stub) and is touched by the consumer
 * only, but while the stub is let go (below); {@code tail} is the last node offered. A producer swaps itself into
 * {@code tail} (a full fence, so it is totally ordered with every other producer: that gives
 * FIFO per producer) and then links the previous tail to itself with a release store. Between
 * those two steps the queue is not empty but its new node is not yet reachable: the consumer
 * sees {@code head != tail} with {@code head.next == null} and spins for the link, which the
 * producer is about to write.
 *
 * <p>An idle queue holds no node: when a drain finds it empty it lets its stub go
 * ({@link #dropStub()}: one CAS of {@code tail} to null, which fails harmlessly when a producer
 * got there first). The producer that then finds no tail installs its node as {@code head}, and
 * the consumer takes that node first, as the new stub. A million idle actors so keep no
 * million stubs. An offer allocates nothing beyond the envelope itself. {@link Mailbox} extends
 * it, so an actor has no queue object of its own.
 */
class EnvelopeQueue {

  private static final VarHandle HEAD;
  private static final VarHandle TAIL;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(EnvelopeQueue.class, "head", Envelope.class);
      TAIL = MethodHandles.lookup().findVarHandle(EnvelopeQueue.class, "tail", Envelope.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The consumer's, but for the producer that finds no tail (the stub was let go): it writes
  // its node here (release), which the consumer reads (acquire) before taking it.
  private Envelope head;
  private volatile Envelope tail;
  // Consumer only: head is no stub but null or the oldest node, not yet taken.
  private boolean stubless = true;

  /** Appends; safe from any thread. */
  void offer(Envelope envelope) {
    Envelope previous = (Envelope) TAIL.getAndSet(this, envelope);
    if (previous == null) {
      HEAD.setRelease(this, envelope); // the queue had no node: this one comes first
    } else {
      previous.linkRelease(envelope);
    }
  }

  /**
   * Takes the oldest envelope, or returns {@code null} when empty. Consumer only. The returned
   * node becomes the queue's stub: read its fields, then {@link #release(Envelope)} it.
   */
  Envelope poll() {
    if (stubless) {
      if (tail == null) {
        return null;
      }
      // A producer swapped the tail and writes the head next: it is a few instructions away.
      Envelope first;
      while ((first = (Envelope) HEAD.getAcquire(this)) == null) {
        Thread.onSpinWait();
      }
      stubless = false;
      return first;
    }
    Envelope current = head;
    Envelope next = current.nextAcquire();
    if (next == null) {
      if (current == tail) {
        return null;
      }
      // A producer has swapped the tail but not linked it yet: it is a few instructions away.
      do {
        Thread.onSpinWait();
        next = current.nextAcquire();
      } while (next == null);
    }
    head = next;
    // Cut the old stub loose (no producer writes it again: its one link is read). A dead node
    // promoted to the old generation would otherwise keep its successor, and through it every
    // later envelope, alive in each young collection (nepotism): with a million idle actors,
    // each round's million envelopes were copied and promoted, and pauses grew to half a
    // second. The JDK's ConcurrentLinkedQueue and Pekko's AbstractNodeQueue unlink for the
    // same reason.
    current.unlink();
    return next;
  }

  /**
   * Lets the stub go if nothing is queued, so that an idle queue holds no node; consumer only.
   * The head is cleared before the CAS: once the tail is null, the next producer writes it.
   */
  void dropStub() {
    Envelope stub = head;
    if (stubless || tail != stub) {
      return;
    }
    HEAD.set(this, null);
    if (TAIL.compareAndSet(this, stub, null)) {
      stubless = true;
    } else {
      head = stub; // a producer swapped the tail first and links the stub to its node
    }
  }

  /** Drops the references of a node returned by {@link #poll()}, now the stub. Consumer only. */
  static void release(Envelope taken) {
    taken.message = null;
    taken.sender = null;
  }

  /** How many envelopes are queued, by walking them: O(n). Consumer only. */
  int sizeForConsumer() {
    int size = 0;
    for (Envelope node = oldest(); node != null; node = node.nextAcquire()) {
      size++;
    }
    return size;
  }

  /** The oldest node not taken, or null; exact for the consumer. */
  private Envelope oldest() {
    Envelope first = (Envelope) HEAD.getAcquire(this);
    return stubless || first == null ? first : first.nextAcquire();
  }

  /**
   * Roughly how many envelopes are queued, counted up to {@code limit}; any thread. Another
   * thread may see an older head: a walk from it counts a few envelopes taken already, or, from
   * a node cut loose since, none; it always ends.
   */
  int approximateSize(int limit) {
    int size = 0;
    for (Envelope node = oldest(); node != null && size < limit; node = node.nextAcquire()) {
      size++;
    }
    return size;
  }

  /** Whether nothing is queued. Exact for the consumer; a hint for anyone else. */
  boolean isEmpty() {
    Envelope last = tail;
    return last == null || !stubless && head == last;
  }
}
