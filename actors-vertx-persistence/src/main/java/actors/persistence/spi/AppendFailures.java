package actors.persistence.spi;

import actors.persistence.PersistenceFailureException;
import actors.persistence.StoredEvent;

import java.util.List;

/** How every store of the library says that an append failed: the same words whichever it is. */
public final class AppendFailures {

  private AppendFailures() {
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
