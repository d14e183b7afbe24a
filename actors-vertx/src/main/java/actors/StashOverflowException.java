package actors;

/** Thrown by {@link Stash#stash()} when the stash is full: the actor fails, and its supervisor decides. */
public class StashOverflowException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public StashOverflowException(String message) {
    super(message);
  }
}
