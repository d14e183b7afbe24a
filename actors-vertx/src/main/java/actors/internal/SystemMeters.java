package actors.internal;

/**
 * The meters of one actor system when metrics are on; the system holds null when they are off.
 * Thread-safe.
 */
public interface SystemMeters {

  /** How an ask ended. */
  enum AskOutcome {
    /** With a reply. */
    ANSWERED,
    /** With a failure the target replied or the system found (the target stopped, say). */
    FAILED,
    /** With its timeout. */
    TIMED_OUT
  }

  /** The meters of the group of an actor of {@code actorClass} at {@code path}. */
  GroupMeters group(Class<?> actorClass, String path);

  /** A message went to dead letters for {@code reason}. */
  void deadLetter(String reason);

  /** An ask was sent. */
  void askSent();

  /** An ask ended, {@code nanos} after it was sent. */
  void askEnded(AskOutcome outcome, long nanos);

  /** A frame of {@code bytes} went to another node. */
  void frameSent(int bytes);

  /** A frame of {@code bytes} came from another node. */
  void frameReceived(int bytes);
}
