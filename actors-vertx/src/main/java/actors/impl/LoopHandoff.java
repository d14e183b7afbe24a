package actors.impl;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Mailboxes handed directly to an event loop whose thread is spinning in a drain, waiting for
 * work: scheduling them through the loop's executor would cost a selector wake-up system call
 * even though the loop is awake. One per event loop and system.
 *
 * <p>A mailbox handed over runs exactly once: the producer offers it, then reads
 * {@code spinning} again; the spinner clears {@code spinning}, then takes what is left. Both
 * are volatile, so at least one of them sees the other: if the producer sees the spinner gone,
 * it tries to take its mailbox back with {@code remove}, which fails only if the spinner took
 * it first. Whoever takes it runs it.
 */
final class LoopHandoff {

  private final ConcurrentLinkedQueue<Mailbox> handed = new ConcurrentLinkedQueue<>();
  private volatile boolean spinning;

  /** Whether this loop's thread is spinning now; then a drain on it must not spin again. */
  boolean isSpinning() {
    return spinning;
  }

  /** The loop's thread starts waiting for work. */
  void startSpinning() {
    spinning = true;
  }

  /** A mailbox handed over while spinning, or null; the loop's thread only. */
  Mailbox take() {
    return handed.poll();
  }

  /** The loop's thread stops waiting: what was handed over meanwhile goes to its task queue. */
  void stopSpinning() {
    spinning = false;
    Mailbox left;
    while ((left = handed.poll()) != null) {
      left.submit();
    }
  }

  /** Hands {@code mailbox} to the spinning thread; false if none took it (then submit it). */
  boolean handOver(Mailbox mailbox) {
    if (!spinning) {
      return false;
    }
    handed.offer(mailbox);
    return spinning || !handed.remove(mailbox);
  }
}
