package actors;

import java.util.Objects;

/**
 * A message that could not be delivered: its recipient had stopped, its mailbox was full, or it
 * was a reply to a sender that did not exist or no longer waited. Dead letters are counted and
 * logged by the system and passed to its dead-letter listeners.
 *
 * @param message   the undelivered message
 * @param sender    who sent it, or {@code null} when it had no sender
 * @param recipient where it was sent
 * @param reason    why it was not delivered, e.g. {@code "recipient stopped"}
 */
public record DeadLetter(Object message, ActorRef sender, ActorRef recipient, String reason) {

  /** The reason of a letter to an actor that has stopped. */
  public static final String RECIPIENT_STOPPED = "recipient stopped";

  /** @throws NullPointerException if {@code message}, {@code recipient} or {@code reason} is null */
  public DeadLetter {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(reason, "reason");
  }

  /** A letter to an actor that has stopped: reason {@link #RECIPIENT_STOPPED}. */
  public DeadLetter(Object message, ActorRef sender, ActorRef recipient) {
    this(message, sender, recipient, RECIPIENT_STOPPED);
  }
}
