package actors.cluster;

/** No actor is registered under a name, or lives at a path on a node; the message says which. */
public class ActorNotFoundException extends RuntimeException {

  /** Creates the exception with its message. */
  public ActorNotFoundException(String message) {
    super(message);
  }
}
