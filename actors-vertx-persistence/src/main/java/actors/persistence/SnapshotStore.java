package actors.persistence;

import io.vertx.core.Future;

/** Where snapshots are kept: the snapshot SPI, asynchronous like {@link EventJournal}. */
public interface SnapshotStore {

  /** Keeps {@code snapshot}; the Future completes once it is durable. */
  Future<Void> save(StoredSnapshot snapshot);

  /** The latest snapshot of {@code persistenceId}, or null if there is none. */
  Future<StoredSnapshot> latest(String persistenceId);
}
