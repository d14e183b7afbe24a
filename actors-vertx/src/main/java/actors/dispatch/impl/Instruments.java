package actors.dispatch.impl;

import actors.ActorRef;
import actors.ActorSystemOptions;
import actors.internal.GroupMeters;
import actors.internal.MessageTracing;
import io.vertx.core.internal.ContextInternal;

import org.slf4j.MDC;

import java.util.Map;

/**
 * What a mailbox measures, traces and tells the logs, when metrics, tracing or the path in the
 * MDC are on: the envelopes it makes then ({@link MarkedEnvelope}: when a message entered, the
 * trace it belongs to), and how a message is processed: timed (summed per turn and reported when
 * the turn ends), in its trace's context, with the actor's path in the MDC. A mailbox holds
 * none while all are off.
 */
final class Instruments {

  // Null while metrics are off.
  private final GroupMeters meters;
  // Null while Vert.x has no tracer.
  private final MessageTracing tracing;
  // The actor's path, put in SLF4J's MDC while it processes a message; null: not put.
  private final String pathInMdc;
  // The actor thread's: what this turn's messages moved, reported to the meters when it ends,
  // and when the last message ended (0: none yet this turn), the next one's start.
  private long processed;
  private long processingNanos;
  private long dequeued;
  private long waitedNanos;
  private long lastEnd;

  Instruments(GroupMeters meters, MessageTracing tracing, String pathInMdc) {
    this.meters = meters;
    this.tracing = tracing;
    this.pathInMdc = pathInMdc;
  }

  /** Whether {@code envelope} is processed through {@link #invoke}: always with metrics or the MDC, else if traced. */
  boolean takes(Envelope envelope) {
    return meters != null || pathInMdc != null || envelope instanceof MarkedEnvelope;
  }

  /** These instruments with {@code meters} as well. */
  Instruments measuredBy(GroupMeters meters) {
    return new Instruments(meters, tracing, pathInMdc);
  }

  GroupMeters meters() {
    return meters;
  }

  /** The envelope of a message to {@code mailbox}; any thread. */
  Envelope envelope(Object message, ActorRef sender, Map<String, String> trace, Mailbox mailbox) {
    if (trace == null && tracing != null) {
      ContextInternal traced = tracing.tracedContext();
      if (traced != null) {
        trace = tracing.send(traced, message, sender, mailbox.ownerPath());
      }
    }
    return meters == null && trace == null ? new Envelope(message, sender)
        : new MarkedEnvelope(message, sender, meters == null ? MarkedEnvelope.UNMEASURED : System.nanoTime(), trace);
  }

  /** Processes {@code envelope}, taken from {@code mailbox}: timed when metrics are on, in its trace if it has one. */
  void invoke(Mailbox mailbox, Envelope envelope) {
    long start = meters == null ? 0 : lastEnd != 0 ? lastEnd : System.nanoTime();
    Map<String, String> trace = null;
    if (envelope instanceof MarkedEnvelope marked) {
      trace = marked.trace;
      if (marked.measured()) {
        dequeued++;
        waitedNanos += Math.max(0, start - marked.enqueuedAt); // enqueued after the last one ended: waited ~0
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
      long end = System.nanoTime();
      processed++;
      processingNanos += end - start;
      lastEnd = end;
    }
  }

  /** The actor's turn ended (its budget used, its mailbox empty, or it was suspended): tells the meters. */
  void turnEnded() {
    lastEnd = 0;
    if (processed != 0) {
      meters.processed(processed, processingNanos, dequeued, waitedNanos);
      processed = 0;
      processingNanos = 0;
      dequeued = 0;
      waitedNanos = 0;
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
