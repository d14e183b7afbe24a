package actors;

/**
 * Thrown by {@code tell} (and failing an {@code ask}'s Future) when the recipient's bounded
 * mailbox is full and its overflow strategy is {@code FAIL}; the message was not enqueued.
 */
public class MailboxFullException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public MailboxFullException(String message) {
    super(message);
  }
}
