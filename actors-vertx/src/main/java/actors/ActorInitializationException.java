package actors;

/**
 * An actor could not be created or started: its {@link Props} factory threw or returned
 * nothing usable, or {@code preStart}/{@code postRestart} threw. Thrown by {@code actorOf}
 * when the factory fails at creation; otherwise the failure of the actor, which the default
 * {@link SupervisorStrategy} answers with {@link Directive#STOP}.
 */
public class ActorInitializationException extends RuntimeException {

  private final String path;

  /** Creates the exception for the actor at {@code path}. */
  public ActorInitializationException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The path of the actor that could not be initialized. */
  public String path() {
    return path;
  }
}
