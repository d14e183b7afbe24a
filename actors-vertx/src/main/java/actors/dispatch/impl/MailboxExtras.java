package actors.dispatch.impl;

import actors.MailboxFullException;

import java.util.ArrayDeque;
import java.util.List;

/**
 * What few mailboxes need, behind one field of theirs, so that the many plain ones cost a field
 * and not three: the queue of non-default mailbox options, the instruments (metrics, tracing,
 * the MDC), and the messages unstashed ahead of the queue.
 */
final class MailboxExtras {

  // Final: producers read it, and may see this object published without a fence.
  final ConfiguredQueue configured;
  // Set before the actor's reference is handed out (a message enqueued before is not measured).
  Instruments instruments;
  // Actor thread only, created on first unstash.
  ArrayDeque<Envelope> front;

  MailboxExtras(ConfiguredQueue configured, Instruments instruments) {
    this.configured = configured;
    this.instruments = instruments;
  }

  /** Whether the envelope was enqueued in the configured queue; what was dropped instead is a dead letter. */
  boolean offerConfigured(Mailbox mailbox, Envelope envelope) {
    ConfiguredQueue.Rejected rejected = configured.offer(envelope);
    if (rejected == null) {
      return true;
    }
    if (rejected.refuse()) {
      throw new MailboxFullException("the mailbox of " + mailbox.ownerPath() + " is " + rejected.reason() + "; "
          + envelope.message.getClass().getName() + " not enqueued");
    }
    Envelope dropped = rejected.dropped();
    mailbox.deadLetter(dropped.message, dropped.sender, rejected.reason());
    return dropped != envelope;
  }

  /** The next user message: one unstashed, else the oldest queued; the actor's thread. */
  Envelope next(EnvelopeQueue queue) {
    if (front != null) {
      Envelope returned = front.pollFirst();
      if (returned != null) {
        return returned;
      }
    }
    return configured != null ? configured.poll() : queue.poll();
  }

  /** Puts messages back at the front, {@code first} first; the actor's thread. */
  void returnToFront(List<Envelope> returned) {
    if (front == null) {
      front = new ArrayDeque<>();
    }
    for (int i = returned.size() - 1; i >= 0; i--) {
      front.addFirst(returned.get(i));
    }
  }

  int unstashed() {
    return front == null ? 0 : front.size();
  }

  /** Whether nothing is queued, unstashed messages aside. */
  boolean queueEmpty(EnvelopeQueue queue) {
    return configured != null ? configured.isEmpty() : queue.isEmpty();
  }

  /** How many are queued, up to {@code limit}, unstashed ones aside; {@code exact}: the actor's thread only. */
  int queued(EnvelopeQueue queue, int limit, boolean exact) {
    return configured != null ? Math.min(configured.size(), limit)
        : exact ? queue.sizeForConsumer() : queue.approximateSize(limit);
  }
}
