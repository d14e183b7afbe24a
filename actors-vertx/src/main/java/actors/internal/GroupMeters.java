package actors.internal;

import java.util.function.IntSupplier;

/**
 * The meters of one group of actors (those of one class, or under one path prefix): what a
 * cell and its mailbox report when metrics are on. Nothing here is called per message. Thread-safe; a cell holds null instead when
 * they are off, so that nothing is measured or allocated for them.
 */
public interface GroupMeters {

  /**
   * An actor of the group processed {@code processed} messages in a turn, which took
   * {@code processingNanos} in {@code receive} and waited {@code waitedNanos} in the mailbox in
   * all, as estimated from the messages timed ({@link #timeOneIn()}): reported once per turn of
   * the actor, not per message.
   */
  void processed(long processed, long processingNanos, long waitedNanos);

  /** One message in this many is timed (in its mailbox and in {@code receive}); 1: every message. */
  int timeOneIn();

  /** An actor of the group was created; {@code mailboxSize} counts what waits in its mailbox, from any thread. */
  void created(IntSupplier mailboxSize);

  /** The actor whose mailbox {@code mailboxSize} counts stopped. */
  void stopped(IntSupplier mailboxSize);

  /** An actor of the group failed with {@code cause}. */
  void failed(Throwable cause);

  /** An actor of the group was restarted after {@code cause}. */
  void restarted(Throwable cause);
}
