package actors.persistence.impl;

import actors.internal.CallerContext;
import actors.persistence.StoredEvent;
import actors.persistence.StoredSnapshot;
import actors.persistence.spi.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The journal and snapshot store on a database through JDBC (see {@link Dialect}): SQLite, the
 * embedded default, or PostgreSQL;
 * blocking JDBC on threads of its own, never an event loop. Writes go through
 * {@link Dialect#writeConnections()} {@link JournalWriter}s, each with a connection and a thread,
 * which commit in groups; every write of one persistence id goes through the same writer, in
 * order. Reads go through one reader thread.
 *
 * <p>Tables: {@code actors_journal (persistence_id, sequence_nr, manifest, payload)} with the
 * key {@code (persistence_id, sequence_nr)}, which refuses a second writer;
 * {@code actors_deleted (persistence_id, to_sequence_nr)} keeps the numbering of deleted
 * events; {@code actors_snapshots (persistence_id, sequence_nr, manifest, payload)}.
 */
public final class JdbcStore implements Store {

  private final JournalWriter[] writers;
  private final WorkerExecutor reader;
  private final Link readLink;

  private JdbcStore(Vertx vertx, Dialect dialect, JdbcTarget target, String name) {
    this.writers = new JournalWriter[dialect.writeConnections()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new JournalWriter(vertx, dialect, target, "actors-journal-writer-" + name + "-" + i);
    }
    this.reader = vertx.createSharedWorkerExecutor("actors-journal-reader-" + name, 1);
    this.readLink = new Link(dialect, target, false);
  }

  /**
   * The store on the embedded SQLite database in {@code directory}, both created if missing;
   * failed with what to add when the application lacks SQLite's driver.
   */
  public static Future<JdbcStore> embedded(Vertx vertx, Path directory, String name) {
    try {
      Class.forName("org.sqlite.JDBC");
    } catch (ClassNotFoundException e) {
      return Future.failedFuture(new IllegalStateException("the embedded store needs SQLite's JDBC driver, "
          + "org.xerial:sqlite-jdbc, which comes with actors-vertx-persistence: was it excluded?"));
    }
    return vertx.executeBlocking(() -> Files.createDirectories(directory), false)
        .compose(created -> open(vertx, Dialect.SQLITE, JdbcTarget.of(Dialect.sqliteUrl(directory)), name));
  }

  /**
   * The store on the database at {@code target}, in {@code dialect}. It connects on first use,
   * creating its tables if missing, and again after a failure that left a connection broken: a
   * database that is down at start or goes away fails the operations meanwhile, and serves again
   * once it is back. {@code name} names its threads.
   */
  public static Future<JdbcStore> open(Vertx vertx, Dialect dialect, JdbcTarget target, String name) {
    return Future.succeededFuture(new JdbcStore(vertx, dialect, target, name));
  }

  /** {@link #open(Vertx, Dialect, JdbcTarget, String)} of a JDBC URL that needs no properties. */
  public static Future<JdbcStore> open(Vertx vertx, Dialect dialect, String url, String name) {
    return open(vertx, dialect, JdbcTarget.of(url), name);
  }

  // ---------------------------------------------------------------- the journal

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    return append(events, 0);
  }

  @Override
  public Future<Void> append(List<StoredEvent> events, long fencingToken) {
    return events.isEmpty() ? Future.succeededFuture() : writerOf(events.get(0).persistenceId()).append(events, fencingToken);
  }

  @Override
  public Future<Long> fence(String persistenceId) {
    return writerOf(persistenceId).fence(persistenceId);
  }

  /** The writer of every write of {@code persistenceId}. */
  private JournalWriter writerOf(String persistenceId) {
    return writers[Math.floorMod(persistenceId.hashCode(), writers.length)];
  }

  @Override
  public Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max) {
    return onReader(() -> {
      List<StoredEvent> events = new ArrayList<>(Math.min(max, 1024));
      try (PreparedStatement select = readLink.get().prepareStatement("SELECT sequence_nr, manifest, payload "
          + "FROM actors_journal WHERE persistence_id = ? AND sequence_nr >= ? ORDER BY sequence_nr LIMIT ?")) {
        select.setString(1, persistenceId);
        select.setLong(2, fromSequenceNr);
        select.setInt(3, max);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            events.add(new StoredEvent(persistenceId, rows.getLong(1), rows.getString(2), rows.getBytes(3)));
          }
        }
      }
      return events;
    });
  }

  @Override
  public Future<Long> highestSequenceNr(String persistenceId) {
    return onReader(() -> Math.max(single("SELECT MAX(sequence_nr) FROM actors_journal WHERE persistence_id = ?",
        persistenceId), single("SELECT MAX(to_sequence_nr) FROM actors_deleted WHERE persistence_id = ?", persistenceId)));
  }

  private long single(String query, String persistenceId) throws SQLException {
    try (PreparedStatement select = readLink.get().prepareStatement(query)) {
      select.setString(1, persistenceId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  @Override
  public Future<Void> deleteTo(String persistenceId, long toSequenceNr) {
    return writerOf(persistenceId).run(connection -> {
      try (PreparedStatement mark = connection.prepareStatement(
          "INSERT INTO actors_deleted (persistence_id, to_sequence_nr) VALUES (?, ?)");
           PreparedStatement delete = connection.prepareStatement(
               "DELETE FROM actors_journal WHERE persistence_id = ? AND sequence_nr <= ?")) {
        mark.setString(1, persistenceId);
        mark.setLong(2, toSequenceNr);
        mark.executeUpdate();
        delete.setString(1, persistenceId);
        delete.setLong(2, toSequenceNr);
        delete.executeUpdate();
      }
    });
  }

  // ---------------------------------------------------------------- snapshots

  @Override
  public Future<Void> save(StoredSnapshot snapshot) {
    return writerOf(snapshot.persistenceId()).run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO actors_snapshots (persistence_id, sequence_nr, manifest, payload) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, snapshot.persistenceId());
        insert.setLong(2, snapshot.sequenceNr());
        insert.setString(3, snapshot.manifest());
        insert.setBytes(4, snapshot.payload());
        insert.executeUpdate();
      }
    });
  }

  @Override
  public Future<StoredSnapshot> latest(String persistenceId) {
    return onReader(() -> {
      try (PreparedStatement select = readLink.get().prepareStatement("SELECT sequence_nr, manifest, payload "
          + "FROM actors_snapshots WHERE persistence_id = ? ORDER BY sequence_nr DESC LIMIT 1")) {
        select.setString(1, persistenceId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? new StoredSnapshot(persistenceId, rows.getLong(1), rows.getString(2), rows.getBytes(3)) : null;
        }
      }
    });
  }

  private <T> Future<T> onReader(Callable<T> work) {
    return CallerContext.rebind(reader.executeBlocking(() -> {
      try {
        return work.call();
      } catch (SQLException e) {
        readLink.failed();
        throw e;
      }
    }, false));
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closed = new ArrayList<>();
    for (JournalWriter writer : writers) {
      closed.add(writer.close());
    }
    closed.add(reader.executeBlocking(() -> {
      readLink.close();
      return null;
    }, true).eventually(reader::close).mapEmpty());
    return Future.join(closed).mapEmpty();
  }
}
