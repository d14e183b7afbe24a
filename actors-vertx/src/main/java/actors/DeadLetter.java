package actors;

import java.util.Objects;

/**
 * A message that could not be delivered: its recipient had stopped, or it was a reply to a
 * sender that did not exist or no longer waited. Dead letters are counted and logged by the
 * system and passed to its dead-letter listeners.
 *
 * @param message   the undelivered message
 * @param sender    who sent it, or {@code null} when it had no sender
 * @param recipient where it was sent
 */
public record DeadLetter(Object message, ActorRef sender, ActorRef recipient) {

  /** @throws NullPointerException if {@code message} or {@code recipient} is null */
  public DeadLetter {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recipient, "recipient");
  }
}
