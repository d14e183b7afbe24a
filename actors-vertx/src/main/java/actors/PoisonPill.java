package actors;

/**
 * A message that stops the receiving actor once it reaches it: the messages queued before it
 * are processed first, those after it become dead letters.
 */
public enum PoisonPill {
  /** The only instance. */
  INSTANCE
}
