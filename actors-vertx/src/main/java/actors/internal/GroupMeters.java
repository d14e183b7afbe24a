package actors.internal;

/**
 * The meters of one group of actors (those of one class, or under one path prefix): what a
 * cell and its mailbox report when metrics are on. Thread-safe; a cell holds null instead when
 * they are off, so that nothing is measured or allocated for them.
 */
public interface GroupMeters {

  /** A message entered a mailbox of the group; any thread. */
  void enqueued();

  /** A message left a mailbox to be processed, {@code waitedNanos} after it entered. */
  void dequeued(long waitedNanos);

  /** A message left a mailbox unprocessed: dead-lettered, or dropped by a bounded mailbox. */
  void discarded();

  /** An actor of the group processed a message in {@code nanos}. */
  void processed(long nanos);

  /** An actor of the group was created. */
  void created();

  /** An actor of the group stopped. */
  void stopped();

  /** An actor of the group failed with {@code cause}. */
  void failed(Throwable cause);

  /** An actor of the group was restarted after {@code cause}. */
  void restarted(Throwable cause);
}
