package actors.internal;

/**
 * The meters of one group of actors (those of one class, or under one path prefix): what a
 * cell and its mailbox report when metrics are on. Nothing here is called per message: the
 * counts of messages are pulled from the mailboxes ({@link MessageCounts}) when scraped.
 * Thread-safe; a cell holds null instead when they are off, so that nothing is measured or
 * allocated for them.
 */
public interface GroupMeters {

  /** One message in this many is timed (in its mailbox and in {@code receive}); 1: every message. */
  int timeOneIn();

  /** An actor of the group was created; its mailbox counts its messages, read when the meters are scraped. */
  void created(MessageCounts counts);

  /** The actor whose mailbox {@code counts} stopped: what it counted is kept in the group's totals. */
  void stopped(MessageCounts counts);

  /** An actor of the group failed with {@code cause}. */
  void failed(Throwable cause);

  /** An actor of the group was restarted after {@code cause}. */
  void restarted(Throwable cause);
}
