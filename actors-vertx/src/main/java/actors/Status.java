package actors;

import java.util.Objects;

/** Replies with a meaning to {@code ask}, as in Pekko. */
public final class Status {

  private Status() {
  }

  /**
   * A reply that fails the asker's Future with {@code cause} instead of completing it; over the
   * event bus ({@link ActorSystem#expose}) it fails the request with a {@code ReplyException}.
   * Told to an actor, it is an ordinary message.
   *
   * @param cause why the request failed
   */
  public record Failure(Throwable cause) {

    /** @throws NullPointerException if {@code cause} is null */
    public Failure {
      Objects.requireNonNull(cause, "cause");
    }
  }
}
