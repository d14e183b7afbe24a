package actors;

/** The failure of an actor that did not handle a {@link Terminated} message for an actor it watched. */
public class DeathPactException extends RuntimeException {

  /** Creates the exception with its message. */
  public DeathPactException(String message) {
    super(message);
  }
}
