package actors.persistence;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where events are kept: the journal SPI. Every method is asynchronous and never blocks the
 * caller; a store that does blocking work does it on threads of its own.
 *
 * <p>Writes to one persistence id keep their order, and its sequence numbers have no gap. A
 * write of a sequence number that exists already (two incarnations of one actor writing at once)
 * is refused, with {@link PersistenceFailureException}, and leaves the history as it was.
 */
public interface EventJournal {

  /**
   * Appends events of one persistence id, in sequence order, all or none: the Future completes
   * once they are durable.
   */
  Future<Void> append(List<StoredEvent> events);

  /** At most {@code max} events of {@code persistenceId}, from {@code fromSequenceNr} on, in order. */
  Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max);

  /** The highest sequence number ever written for {@code persistenceId}, deleted or not; 0 if none. */
  Future<Long> highestSequenceNr(String persistenceId);

  /** Deletes the events of {@code persistenceId} up to {@code toSequenceNr}; numbering goes on after them. */
  Future<Void> deleteTo(String persistenceId, long toSequenceNr);

  /** Releases the store's connections and threads. */
  Future<Void> close();
}
