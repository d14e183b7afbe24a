package actors.internal;

/**
 * What one actor's mailbox counted since the actor started, read by its group's meters when they
 * are scraped (any thread; each value only grows): the actor writes them at the end of its turns
 * into fields of its own, so that nothing shared is written per message.
 */
public interface MessageCounts {

  /** Messages waiting now, up to a million. */
  int waiting();

  /** Messages processed. */
  long processed();

  /** How long {@code receive} took for them, estimated from the messages timed. */
  long processingNanos();

  /** How long they waited in the mailbox, estimated from the messages timed. */
  long waitedNanos();
}
