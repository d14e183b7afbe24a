package actors.cluster;

/**
 * A message that cannot cross to another node: it cannot be encoded (thrown by {@code tell},
 * failing an {@code ask}'s Future), or the receiving node refused to decode it because its
 * class is not allowed there (the failure an {@code ask} gets back). The message names the class.
 */
public class MessageEncodingException extends RuntimeException {

  /** Creates the exception with its message. */
  public MessageEncodingException(String message) {
    super(message);
  }

  /** Creates the exception with its message and cause. */
  public MessageEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
