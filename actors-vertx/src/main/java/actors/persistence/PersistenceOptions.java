package actors.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a system's persistent actors keep their events: by default the embedded SQLite database in
 * {@link #DEFAULT_DIRECTORY}{@code /<system name>}, or a store of the application's (PostgreSQL,
 * or any {@link EventJournal} and {@link SnapshotStore}).
 */
public class PersistenceOptions {

  /** The directory of the embedded store, relative to the working directory: {@value}. */
  public static final String DEFAULT_DIRECTORY = "actors-data";

  private Path directory;
  private EventJournal journal;
  private SnapshotStore snapshotStore;

  public PersistenceOptions() {
  }

  /** The embedded store's directory; null means {@code actors-data/<system name>}. */
  public Path getDirectory() {
    return directory;
  }

  /** Keeps the embedded store's files in {@code directory} (created if missing). */
  public PersistenceOptions setDirectory(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  public EventJournal getJournal() {
    return journal;
  }

  public SnapshotStore getSnapshotStore() {
    return snapshotStore;
  }

  /** Uses {@code store} for events and snapshots instead of the embedded one. */
  public <S extends EventJournal & SnapshotStore> PersistenceOptions setStore(S store) {
    Objects.requireNonNull(store, "store");
    this.journal = store;
    this.snapshotStore = store;
    return this;
  }
}
