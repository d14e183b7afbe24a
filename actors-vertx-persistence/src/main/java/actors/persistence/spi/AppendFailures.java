package actors.persistence.spi;

import actors.persistence.PersistenceFailureException;
import actors.persistence.StoredEvent;

import java.util.List;

/** How every store of the library says that an append failed: the same words whichever it is. */
public final class AppendFailures {

  private AppendFailures() {
  }

  /** The refusal of {@code events} (of one persistence id) whose writer's fencing {@code token} is no longer the latest. */
  public static PersistenceFailureException fenced(List<StoredEvent> events, long token) {
    StoredEvent first = events.get(0);
    return new PersistenceFailureException("refused events " + first.sequenceNr() + " to "
        + (first.sequenceNr() + events.size() - 1) + " of " + first.persistenceId() + ": a newer incarnation of the same "
        + "persistence id started writing, which fenced off this one's token " + token
        + " (on the losing side of a network split, or stopped late); nothing of them was written");
  }

  /**
   * The failure of appending {@code events} (of one persistence id, in order): refused when a
   * sequence number among them was {@code writtenAlready}, else not written, with {@code cause}.
   */
  public static PersistenceFailureException of(List<StoredEvent> events, boolean writtenAlready, Throwable cause) {
    StoredEvent first = events.get(0);
    String what = "events " + first.sequenceNr() + " to " + (first.sequenceNr() + events.size() - 1)
        + " of " + first.persistenceId();
    return writtenAlready
        ? new PersistenceFailureException("refused " + what + ": a sequence number among them was written already, "
            + "by another incarnation of the same persistence id", cause)
        : new PersistenceFailureException("could not write " + what + ": " + cause.getMessage(), cause);
  }
}
