package actors.dispatch.impl;

import actors.dispatch.ControlMessage;
import actors.dispatch.MailboxOptions;
import actors.dispatch.MailboxOptions.OverflowStrategy;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.function.ToIntFunction;

/**
 * The queue of a mailbox with non-default {@link MailboxOptions}: bounded, priority or
 * control-aware. One lock guards it: these mailboxes trade the lock-free default's speed for
 * their rules, and the lock is held only for a queue operation.
 */
final class ConfiguredQueue {

  /** What {@link #offer} did when it did not simply enqueue. */
  record Rejected(Envelope dropped, String reason, boolean refuse) {
  }

  private static final Comparator<Prioritized> BY_PRIORITY =
      Comparator.comparingInt(Prioritized::priority).thenComparingLong(Prioritized::sequence);

  private record Prioritized(Envelope envelope, int priority, long sequence) {
  }

  private final int capacity;
  private final OverflowStrategy overflow;
  private final ToIntFunction<Object> priorityOf;
  private final boolean controlAware;
  private final ArrayDeque<Envelope> control;
  private final Queue<Object> ordinary;
  private long sequence;
  private int size;

  ConfiguredQueue(MailboxOptions options) {
    this.capacity = options.getCapacity();
    this.overflow = options.getOverflowStrategy();
    this.priorityOf = options.getPriority();
    this.controlAware = options.isControlAware();
    this.control = controlAware ? new ArrayDeque<>() : null;
    this.ordinary = priorityOf != null ? new PriorityQueue<>(16, (a, b) -> BY_PRIORITY.compare((Prioritized) a, (Prioritized) b))
        : new ArrayDeque<>();
  }

  /** Enqueues, or says what was dropped or refused instead; any thread. */
  Rejected offer(Envelope envelope) {
    Object entry = envelope;
    boolean isControl = controlAware && envelope.message instanceof ControlMessage;
    if (priorityOf != null && !isControl) {
      int priority;
      try {
        priority = priorityOf.applyAsInt(envelope.message);
      } catch (RuntimeException e) {
        return new Rejected(envelope, "the mailbox's priority function threw " + e, false);
      }
      synchronized (this) {
        return add(new Prioritized(envelope, priority, sequence++), false);
      }
    }
    synchronized (this) {
      return add(entry, isControl);
    }
  }

  // Holding the lock.
  private Rejected add(Object entry, boolean isControl) {
    Envelope dropped = null;
    if (size >= capacity) {
      switch (overflow) {
        case DROP_NEW -> {
          return new Rejected(envelopeOf(entry), "mailbox full (capacity " + capacity + ", DROP_NEW)", false);
        }
        case FAIL -> {
          return new Rejected(envelopeOf(entry), "mailbox full (capacity " + capacity + ", FAIL)", true);
        }
        case DROP_OLD -> {
          dropped = removeOldest();
          if (dropped == null) {
            // Only control messages wait: they are not dropped for an ordinary one.
            return new Rejected(envelopeOf(entry), "mailbox full of control messages (capacity " + capacity + ")", false);
          }
        }
      }
    }
    if (isControl) {
      control.addLast((Envelope) entry);
    } else {
      ordinary.add(entry);
    }
    size++;
    return dropped == null ? null : new Rejected(dropped, "mailbox full (capacity " + capacity + ", DROP_OLD)", false);
  }

  private Envelope removeOldest() {
    if (ordinary.isEmpty()) {
      return null;
    }
    size--;
    if (ordinary instanceof PriorityQueue<Object> byPriority) {
      Object last = null;
      for (Object candidate : byPriority) {
        if (last == null || BY_PRIORITY.compare((Prioritized) candidate, (Prioritized) last) > 0) {
          last = candidate;
        }
      }
      byPriority.remove(last);
      return envelopeOf(last);
    }
    return envelopeOf(ordinary.poll());
  }

  /** The next envelope, or {@code null}; consumer only. */
  synchronized Envelope poll() {
    Envelope next = control != null ? control.pollFirst() : null;
    if (next == null) {
      next = envelopeOf(ordinary.poll());
    }
    if (next != null) {
      size--;
    }
    return next;
  }

  synchronized boolean isEmpty() {
    return size == 0;
  }

  synchronized int size() {
    return size;
  }

  private static Envelope envelopeOf(Object entry) {
    return entry instanceof Prioritized prioritized ? prioritized.envelope() : (Envelope) entry;
  }
}
