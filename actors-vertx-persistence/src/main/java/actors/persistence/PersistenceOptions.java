package actors.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a system's persistent actors keep their events: by default the embedded SQLite database
 * in {@link #DEFAULT_DIRECTORY}{@code /<system name>}; PostgreSQL ({@link #setPostgres}); or any
 * {@link EventJournal} and {@link SnapshotStore} of the application's ({@link #setStore}).
 */
public class PersistenceOptions {

  /** The directory of the embedded store, relative to the working directory: {@value}. */
  public static final String DEFAULT_DIRECTORY = "actors-data";

  private Path directory;
  private String postgres;
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

  /** The PostgreSQL database's URI, or null for the embedded store. */
  public String getPostgres() {
    return postgres;
  }

  /**
   * Keeps events and snapshots in PostgreSQL at {@code uri}
   * ({@code postgresql://user:secret@host:5432/database}) through PostgreSQL's JDBC driver
   * ({@code org.postgresql:postgresql}), which the application adds to its dependencies. The
   * URI's query parameters reach the driver ({@code sslmode}, {@code sslrootcert},
   * {@code connectTimeout} or {@code connect_timeout}, {@code applicationName} or
   * {@code application_name}, and the driver's others); user and password are percent-decoded.
   * The tables are created if missing.
   *
   * @throws IllegalArgumentException if {@code uri} is not a {@code postgresql://} or {@code postgres://} URI
   */
  public PersistenceOptions setPostgres(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("postgresql://") && !uri.startsWith("postgres://")) {
      throw new IllegalArgumentException("a PostgreSQL URI starts with postgresql:// or postgres://, was "
          + uri.replaceAll(":[^:@/]*@", ":***@"));
    }
    this.postgres = uri;
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
