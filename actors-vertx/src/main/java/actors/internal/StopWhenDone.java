package actors.internal;

/**
 * Stops an actor once it has processed what came before, including what it stashed: the
 * sharding regions' hand-off and passivation. An actor with stashed messages, or one that
 * {@link Deferring defers} its stop (a persistent actor writing or recovering), stashes it, so
 * that it comes back after them; any other stops as with a {@code PoisonPill}.
 */
public enum StopWhenDone {
  INSTANCE;

  /** An actor whose graceful stop must wait for work of its own in flight. */
  public interface Deferring {

    /** Whether a {@code StopWhenDone} must wait (be stashed) now. */
    boolean deferStop();
  }
}
