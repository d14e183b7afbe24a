package actors.dispatch.impl;

import actors.internal.GroupMeters;
import actors.internal.MessageTracing;

/**
 * What {@link Instruments} are set to, fixed at creation: the fields that senders read on every
 * message. They come first in the object's layout, and {@link InstrumentsPadding} keeps the
 * counters that the actor's thread writes at each turn's end off their cache line: sharing it,
 * every turn would cost the senders a cache miss.
 */
abstract class InstrumentsSettings {

  final Mailbox mailbox;
  // Null while metrics are off.
  final GroupMeters meters;
  // Null while Vert.x has no tracer.
  final MessageTracing tracing;
  // The actor's path, put in SLF4J's MDC while it processes a message; null: not put.
  final String pathInMdc;
  // One message in this many is timed.
  final int timeOneIn;

  InstrumentsSettings(Mailbox mailbox, GroupMeters meters, MessageTracing tracing, String pathInMdc) {
    this.mailbox = mailbox;
    this.meters = meters;
    this.tracing = tracing;
    this.pathInMdc = pathInMdc;
    this.timeOneIn = meters == null ? 0 : meters.timeOneIn();
  }
}
