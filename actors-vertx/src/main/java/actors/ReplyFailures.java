package actors;

/**
 * Failure codes of the {@code ReplyException} that answers an event-bus request to an exposed
 * actor ({@link ActorSystem#expose}) when the actor did not answer it normally.
 */
public final class ReplyFailures {

  /** The actor replied with {@link Status.Failure}; the message is the cause's. */
  public static final int ACTOR_FAILED = 500;
  /** The actor did not reply within the system's default ask timeout, or had stopped. */
  public static final int TIMED_OUT = 504;
  /** The actor's bounded mailbox was full and refuses messages ({@code FAIL}). */
  public static final int MAILBOX_FULL = 503;
  /** The request's body was {@code null}, which actors cannot receive. */
  public static final int BAD_MESSAGE = 400;

  private ReplyFailures() {
  }
}
