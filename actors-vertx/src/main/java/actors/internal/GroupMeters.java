package actors.internal;

/**
 * The meters of one group of actors (those of one class, or under one path prefix): what a
 * cell and its mailbox report when metrics are on. Thread-safe; a cell holds null instead when
 * they are off, so that nothing is measured or allocated for them.
 */
public interface GroupMeters {

  /** A message entered a mailbox of the group; any thread. */
  void enqueued();

  /**
   * An actor of the group processed {@code processed} messages in {@code processingNanos} in all,
   * of which {@code dequeued} had been counted entering its mailbox, where they waited
   * {@code waitedNanos} in all: reported once per turn of the actor, not per message (each
   * left the mailbox's gauge on its own, through {@link #dequeued}).
   */
  void processed(long processed, long processingNanos, long dequeued, long waitedNanos);

  /** A message counted by {@link #enqueued} left its mailbox: processed, dead-lettered, or dropped by a bounded mailbox. */
  void dequeued();


  /** An actor of the group was created. */
  void created();

  /** An actor of the group stopped. */
  void stopped();

  /** An actor of the group failed with {@code cause}. */
  void failed(Throwable cause);

  /** An actor of the group was restarted after {@code cause}. */
  void restarted(Throwable cause);
}
