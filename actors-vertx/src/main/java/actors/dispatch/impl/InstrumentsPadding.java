package actors.dispatch.impl;

import actors.internal.GroupMeters;
import actors.internal.MessageTracing;

/**
 * A cache line (64 bytes) between the {@link InstrumentsSettings} that senders read and the
 * counters of {@link Instruments} that the actor's thread writes: a superclass's fields are laid
 * out before its subclass's. Never read.
 */
@SuppressWarnings("unused")
abstract class InstrumentsPadding extends InstrumentsSettings {

  private long p0, p1, p2, p3, p4, p5, p6, p7;

  InstrumentsPadding(Mailbox mailbox, GroupMeters meters, MessageTracing tracing, String pathInMdc) {
    super(mailbox, meters, tracing, pathInMdc);
  }
}
