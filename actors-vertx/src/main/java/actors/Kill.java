package actors;

/**
 * A message that makes the receiving actor fail with {@link ActorKilledException} when it
 * reaches it; its supervisor decides what happens next (by default: stop).
 */
public enum Kill {
  /** The only instance. */
  INSTANCE
}
