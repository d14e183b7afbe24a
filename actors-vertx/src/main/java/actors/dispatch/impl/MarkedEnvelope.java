package actors.dispatch.impl;

import actors.ActorRef;

import java.util.Map;

/**
 * An envelope with what metrics and tracing need: when it was enqueued ({@link #UNMEASURED}
 * while metrics are off), and the headers of the trace it belongs to (null for none).
 */
final class MarkedEnvelope extends Envelope {

  static final long UNMEASURED = Long.MIN_VALUE;

  final long enqueuedAt;
  final Map<String, String> trace;

  MarkedEnvelope(Object message, ActorRef sender, long enqueuedAt, Map<String, String> trace) {
    super(message, sender);
    this.enqueuedAt = enqueuedAt;
    this.trace = trace;
  }

  /** Whether it was counted in its group's mailbox gauge when it was enqueued. */
  boolean measured() {
    return enqueuedAt != UNMEASURED;
  }
}
