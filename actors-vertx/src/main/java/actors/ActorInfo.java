package actors;

/**
 * A snapshot of an actor, from {@link ActorSystem#inspect(ActorRef)}: taken on the actor's own
 * context between two messages.
 *
 * @param path          the actor's path
 * @param state         what it is doing
 * @param mailboxSize   how many user messages wait in its mailbox (stashed ones not included)
 * @param restartCount  how many times it has been restarted
 */
public record ActorInfo(String path, State state, int mailboxSize, int restartCount) {

  /** What an actor is doing. */
  public enum State {
    /** Processing messages. */
    RUNNING,
    /** Failed, or its parent did: waiting for its supervisor, or for a back-off to end. */
    SUSPENDED,
    /** Stopping: its children stop, then its {@code postStop} runs. */
    STOPPING,
    /** Stopped. */
    STOPPED
  }
}
