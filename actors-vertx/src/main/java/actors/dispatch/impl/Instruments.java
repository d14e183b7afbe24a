package actors.dispatch.impl;

import actors.ActorRef;
import actors.ActorSystemOptions;
import actors.internal.GroupMeters;
import actors.internal.MessageCounts;
import actors.internal.MessageTracing;
import io.vertx.core.internal.ContextInternal;

import org.slf4j.MDC;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a mailbox measures, traces and tells the logs, when metrics, tracing or the path in the
 * MDC are on: the envelopes it makes then ({@link MarkedEnvelope}: when a message entered, the
 * trace it belongs to), and how a message is processed: in its trace's context, with the actor's
 * path in the MDC. With metrics on every message is counted, and one in
 * {@link GroupMeters#timeOneIn()} is timed (three clock reads: as it enters its mailbox, and
 * around {@code receive}), drawn at random by its sender's thread: a counter here would be written by
 * every sender and bounce this object's cache line, which the actor's thread reads on every
 * message, between the cores. A timed message stands for the messages processed since the one
 * timed before it, so that the totals keep their meaning whatever the share. What a turn moved is
 * added, when it ends, to totals of the actor's own, which the meters read when scraped: nothing
 * shared is written per message or per turn. A mailbox holds none while all are off.
 */
final class Instruments extends InstrumentsPadding implements MessageCounts {

  private static final VarHandle PROCESSED;
  private static final VarHandle PROCESSING_NANOS;
  private static final VarHandle WAITED_NANOS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PROCESSED = lookup.findVarHandle(Instruments.class, "processed", long.class);
      PROCESSING_NANOS = lookup.findVarHandle(Instruments.class, "processingNanos", long.class);
      WAITED_NANOS = lookup.findVarHandle(Instruments.class, "waitedNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The actor thread's: the messages processed since the last timed one, before this turn; the
  // place in this turn of the last timed one; what the timed messages of this turn stand for.
  private long untimedBefore;
  private long lastTimedInTurn;
  private long turnProcessingNanos;
  private long turnWaitedNanos;
  // The actor's totals: written by its thread at the end of a turn (release), read by a scrape.
  private long processed;
  private long processingNanos;
  private long waitedNanos;

  Instruments(Mailbox mailbox, GroupMeters meters, MessageTracing tracing, String pathInMdc) {
    super(mailbox, meters, tracing, pathInMdc);
  }

  /** Whether {@code envelope} is processed through {@link #invoke}: always with metrics or the MDC, else if traced. */
  boolean takes(Envelope envelope) {
    return meters != null || pathInMdc != null || envelope instanceof MarkedEnvelope;
  }

  /** These instruments with {@code meters} as well. */
  Instruments measuredBy(GroupMeters meters) {
    return new Instruments(mailbox, meters, tracing, pathInMdc);
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
    long enqueuedAt = MarkedEnvelope.UNMEASURED;
    if (meters != null && (timeOneIn == 1 || ThreadLocalRandom.current().nextInt(timeOneIn) == 0)) {
      enqueuedAt = System.nanoTime();
    }
    return enqueuedAt == MarkedEnvelope.UNMEASURED && trace == null ? new Envelope(message, sender)
        : new MarkedEnvelope(message, sender, enqueuedAt, trace);
  }

  /**
   * Processes {@code envelope}, taken from {@code mailbox}, the {@code placeInTurn}th message
   * (from 1) of its turn: in its trace if it has one, timed if its enqueuing was.
   */
  void invoke(Mailbox mailbox, Envelope envelope, int placeInTurn) {
    Map<String, String> trace = null;
    long start = 0;
    long standsFor = 0;
    if (envelope instanceof MarkedEnvelope marked) {
      trace = marked.trace;
      if (marked.measured() && meters != null) {
        start = System.nanoTime();
        standsFor = untimedBefore + placeInTurn - lastTimedInTurn;
        untimedBefore = 0;
        lastTimedInTurn = placeInTurn;
        turnWaitedNanos += Math.max(0, start - marked.enqueuedAt) * standsFor;
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
    if (standsFor != 0) {
      turnProcessingNanos += (System.nanoTime() - start) * standsFor;
    }
  }

  /** The actor's turn ended after {@code processed} messages (its budget used, its mailbox empty, or it was suspended). */
  void turnEnded(int processed) {
    if (meters == null || processed == 0) {
      return;
    }
    untimedBefore += processed - lastTimedInTurn;
    lastTimedInTurn = 0;
    PROCESSED.setRelease(this, this.processed + processed);
    if (turnProcessingNanos != 0 || turnWaitedNanos != 0) {
      PROCESSING_NANOS.setRelease(this, processingNanos + turnProcessingNanos);
      WAITED_NANOS.setRelease(this, waitedNanos + turnWaitedNanos);
      turnProcessingNanos = 0;
      turnWaitedNanos = 0;
    }
  }

  /** What waits, up to a million: what the metrics' mailbox gauge sums when scraped; any thread. */
  @Override
  public int waiting() {
    return mailbox.sizeEstimate(1_000_000);
  }

  @Override
  public long processed() {
    return (long) PROCESSED.getAcquire(this);
  }

  @Override
  public long processingNanos() {
    return (long) PROCESSING_NANOS.getAcquire(this);
  }

  @Override
  public long waitedNanos() {
    return (long) WAITED_NANOS.getAcquire(this);
  }

  private void process(Mailbox mailbox, Object message, ActorRef sender, Map<String, String> trace) {
    if (trace != null) {
      tracing.receive(mailbox.context(), trace, message, sender, mailbox.ownerPath(), () -> mailbox.invoke(message, sender));
    } else {
      mailbox.invoke(message, sender);
    }
  }
}
