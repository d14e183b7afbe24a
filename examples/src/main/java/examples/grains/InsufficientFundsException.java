package examples.grains;

import actors.cluster.RemoteFailureException;

/**
 * A withdrawal or transfer larger than the balance. From another node it arrives as a
 * {@link RemoteFailureException} with its class and message: {@link #matches} reads both.
 */
public class InsufficientFundsException extends RuntimeException {

  public InsufficientFundsException(String message) {
    super(message);
  }

  /** Whether {@code failure} is this exception, thrown here or on another node. */
  public static boolean matches(Throwable failure) {
    return failure instanceof InsufficientFundsException
        || failure instanceof RemoteFailureException remote
        && remote.remoteType().equals(InsufficientFundsException.class.getName());
  }

  /** The message of {@code failure}, without the class name a failure from another node starts with. */
  public static String reasonOf(Throwable failure) {
    String prefix = InsufficientFundsException.class.getName() + ": ";
    String message = failure.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
