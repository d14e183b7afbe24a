package actors.persistence;

/**
 * A store could not do what a persistent actor asked (write, replay, snapshot), or refused it
 * (a sequence number written by another incarnation, an event class not allowed): thrown in
 * the actor, for its supervisor, naming the persistence id and what failed.
 */
public class PersistenceFailureException extends RuntimeException {

  public PersistenceFailureException(String message) {
    super(message);
  }

  public PersistenceFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
