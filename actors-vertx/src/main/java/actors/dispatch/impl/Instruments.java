package actors.dispatch.impl;

import actors.ActorRef;
import actors.ActorSystemOptions;
import actors.internal.GroupMeters;
import actors.internal.MessageTracing;

import org.slf4j.MDC;

import java.util.Map;

/**
 * What a mailbox measures, traces and tells the logs, when metrics, tracing or the path in the
 * MDC are on: the envelopes it makes then ({@link MarkedEnvelope}), the mailbox gauge they move,
 * and how a message is processed: timed, in its trace's context, with the actor's path in the
 * MDC. A mailbox holds none while all are off.
 */
final class Instruments {

  // Null while metrics are off.
  private final GroupMeters meters;
  // Null while Vert.x has no tracer.
  private final MessageTracing tracing;
  // The actor's path, put in SLF4J's MDC while it processes a message; null: not put.
  private final String pathInMdc;

  Instruments(GroupMeters meters, MessageTracing tracing, String pathInMdc) {
    this.meters = meters;
    this.tracing = tracing;
    this.pathInMdc = pathInMdc;
  }

  GroupMeters meters() {
    return meters;
  }

  /** The envelope of a message to {@code mailbox}; any thread. */
  Envelope envelope(Object message, ActorRef sender, Map<String, String> trace, Mailbox mailbox) {
    if (trace == null && tracing != null) {
      trace = tracing.send(message, sender, mailbox.ownerPath());
    }
    return meters == null && trace == null ? new Envelope(message, sender)
        : new MarkedEnvelope(message, sender, meters == null ? MarkedEnvelope.UNMEASURED : System.nanoTime(), trace);
  }

  /** {@code envelope} went into the mailbox. */
  void enqueued(Envelope envelope) {
    if (envelope instanceof MarkedEnvelope marked && marked.measured()) {
      meters.enqueued();
    }
  }

  /** {@code envelope} left the mailbox unprocessed. */
  void discarded(Envelope envelope) {
    if (envelope instanceof MarkedEnvelope marked && marked.measured()) {
      meters.discarded();
    }
  }

  /** Processes {@code envelope}, taken from {@code mailbox}: timed when metrics are on, in its trace if it has one. */
  void invoke(Mailbox mailbox, Envelope envelope) {
    long start = meters != null ? System.nanoTime() : 0;
    Map<String, String> trace = null;
    if (envelope instanceof MarkedEnvelope marked) {
      trace = marked.trace;
      if (marked.measured()) {
        meters.dequeued(start - marked.enqueuedAt);
      }
    }
    Object message = envelope.message;
    ActorRef sender = envelope.sender;
    EnvelopeQueue.release(envelope);
    if (pathInMdc != null) {
      MDC.put(ActorSystemOptions.MDC_ACTOR_PATH, pathInMdc);
    }
    try {
      process(mailbox, message, sender, trace);
    } finally {
      if (pathInMdc != null) {
        MDC.remove(ActorSystemOptions.MDC_ACTOR_PATH);
      }
    }
    if (meters != null) {
      meters.processed(System.nanoTime() - start);
    }
  }

  private void process(Mailbox mailbox, Object message, ActorRef sender, Map<String, String> trace) {
    if (trace != null) {
      tracing.receive(mailbox.context(), trace, message, sender, mailbox.ownerPath(), () -> mailbox.invoke(message, sender));
    } else {
      mailbox.invoke(message, sender);
    }
  }
}
