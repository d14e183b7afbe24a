package actors;

/**
 * An ask that gets no answer: none arrived in time, or its message was not delivered (the
 * recipient had stopped, or its full mailbox dropped the message), which fails the ask at once
 * instead of at its timeout. Its message names the target path and the message class, and the
 * timeout or the reason.
 */
public class AskTimeoutException extends RuntimeException {

  /** Creates the exception with its message. */
  public AskTimeoutException(String message) {
    super(message);
  }
}
