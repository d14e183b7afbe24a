package actors;

/**
 * Sent to an actor that has received no message for the time set with
 * {@link ActorContext#setReceiveTimeout(java.time.Duration)}, and again after each further
 * such period of silence.
 */
public enum ReceiveTimeout {
  /** The only instance. */
  INSTANCE
}
