package actors.dispatch.impl;

import actors.ActorRef;

/** An envelope that knows when it was enqueued: the mailbox's, while metrics are on. */
final class TimedEnvelope extends Envelope {

  final long enqueuedAt = System.nanoTime();

  TimedEnvelope(Object message, ActorRef sender) {
    super(message, sender);
  }
}
