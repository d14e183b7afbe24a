package actors;

/** An ask whose reply did not arrive in time. Its message names the target path, the message class and the timeout. */
public class AskTimeoutException extends RuntimeException {

  /** Creates the exception with its message. */
  public AskTimeoutException(String message) {
    super(message);
  }
}
