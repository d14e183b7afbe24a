package actors.persistence;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where events are kept: the journal SPI. Every method is asynchronous and never blocks the
 * caller; a store that does blocking work does it on threads of its own.
 *
 * <p>Writes to one persistence id keep their order, and its sequence numbers have no gap. A
 * write of a sequence number that exists already (two incarnations of one actor writing at once)
 * is refused, with {@link PersistenceFailureException}, and leaves the history as it was; so is
 * a write fenced off by a newer writer of the same id ({@link #fence}).
 */
public interface EventJournal {

  /**
   * Appends events of one persistence id, in sequence order, all or none: the Future completes
   * once they are durable.
   */
  Future<Void> append(List<StoredEvent> events);

  /**
   * Starts a new writer of {@code persistenceId} and returns its fencing token: from the moment
   * the Future completes, an {@link #append(List, long)} that carries an older token is refused
   * with {@link PersistenceFailureException}, whatever its timing, so that an incarnation left
   * running on the losing side of a network split can add nothing after a newer one started.
   * A persistent actor takes a token before it reads its history. The default, for a journal
   * that does not fence, is 0, which every append is given.
   */
  default Future<Long> fence(String persistenceId) {
    return Future.succeededFuture(0L);
  }

  /**
   * Appends as {@link #append(List)} does, if {@code fencingToken} is still the latest that
   * {@link #fence} gave for the events' persistence id (0: no check); else refuses them all with
   * {@link PersistenceFailureException}. The default ignores the token.
   */
  default Future<Void> append(List<StoredEvent> events, long fencingToken) {
    return append(events);
  }

  /** At most {@code max} events of {@code persistenceId}, from {@code fromSequenceNr} on, in order. */
  Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max);

  /** The highest sequence number ever written for {@code persistenceId}, deleted or not; 0 if none. */
  Future<Long> highestSequenceNr(String persistenceId);

  /** Deletes the events of {@code persistenceId} up to {@code toSequenceNr}; numbering goes on after them. */
  Future<Void> deleteTo(String persistenceId, long toSequenceNr);

  /** Releases the store's connections and threads. */
  Future<Void> close();
}
