package actors;

/** The failure of an actor that received {@link Kill}. */
public class ActorKilledException extends RuntimeException {

  /** Creates the exception with its message. */
  public ActorKilledException(String message) {
    super(message);
  }
}
