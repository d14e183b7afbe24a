package actors;

/**
 * Thrown by {@code actorOf} for a name that is empty, malformed (a {@code /}, whitespace or a
 * control character, or a leading {@code $}, which is kept for generated names), or already
 * taken by a living sibling.
 */
public class InvalidActorNameException extends IllegalArgumentException {

  /** Creates the exception with its message. */
  public InvalidActorNameException(String message) {
    super(message);
  }
}
