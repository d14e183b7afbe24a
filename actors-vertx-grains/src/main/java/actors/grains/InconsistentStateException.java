package actors.grains;

/**
 * A write of a grain's state that was refused: the store holds a newer version than the one the
 * activation read (another activation wrote it, as after a split), or a newer activation fenced
 * this one off. The activation's state is left as it was; the grain is deactivated so that its
 * next call reads the store again.
 */
public class InconsistentStateException extends RuntimeException {

  /** Creates the exception with its message and the store's refusal. */
  public InconsistentStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
