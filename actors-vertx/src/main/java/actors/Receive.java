package actors;

/**
 * A message handler: the behaviour an actor installs with {@link ActorContext#become(Receive)}.
 */
@FunctionalInterface
public interface Receive {

  /**
   * Handles one message, on the actor's context. An exception thrown here is a failure of the
   * actor, handled by its parent's {@link SupervisorStrategy}.
   */
  void apply(Object message) throws Exception;
}
