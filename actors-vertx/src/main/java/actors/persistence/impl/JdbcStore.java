package actors.persistence.impl;

import actors.internal.CallerContext;
import actors.persistence.EventJournal;
import actors.persistence.PersistenceFailureException;
import actors.persistence.SnapshotStore;
import actors.persistence.StoredEvent;
import actors.persistence.StoredSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The journal and snapshot store on a database through JDBC (see {@link Dialect}): SQLite, the
 * embedded default, or PostgreSQL;
 * blocking JDBC on two threads of its own, never an event loop. Writes go through one writer
 * thread that commits every write waiting when it starts in one transaction (group commit), so
 * that many actors persisting at once cost few commits; a write whose sequence numbers exist
 * already fails alone, and the others of its group are committed again without it.
 *
 * <p>Tables: {@code actors_journal (persistence_id, sequence_nr, manifest, payload)} with the
 * key {@code (persistence_id, sequence_nr)}, which refuses a second writer;
 * {@code actors_deleted (persistence_id, to_sequence_nr)} keeps the numbering of deleted
 * events; {@code actors_snapshots (persistence_id, sequence_nr, manifest, payload)}.
 */
public final class JdbcStore implements EventJournal, SnapshotStore {

  /** One append waiting for the writer. */
  private record Write(List<StoredEvent> events, Promise<Void> done) {
  }

  private final Dialect dialect;
  private final WorkerExecutor writer;
  private final WorkerExecutor reader;
  private final Connection writeConnection;
  private final Connection readConnection;
  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  private JdbcStore(Vertx vertx, Dialect dialect, String url, String name) throws SQLException {
    this.dialect = dialect;
    this.writeConnection = DriverManager.getConnection(url);
    this.readConnection = DriverManager.getConnection(url);
    this.writer = vertx.createSharedWorkerExecutor("actors-journal-writer-" + name, 1);
    this.reader = vertx.createSharedWorkerExecutor("actors-journal-reader-" + name, 1);
  }

  /** The store on the embedded SQLite database in {@code directory}, both created if missing. */
  public static Future<JdbcStore> embedded(Vertx vertx, Path directory, String name) {
    return vertx.executeBlocking(() -> Files.createDirectories(directory), false)
        .compose(created -> open(vertx, Dialect.SQLITE, Dialect.sqliteUrl(directory), name));
  }

  /**
   * The store on the database at the JDBC {@code url}, in {@code dialect}, its tables created
   * if missing; opened on a worker thread. {@code name} names its threads.
   */
  public static Future<JdbcStore> open(Vertx vertx, Dialect dialect, String url, String name) {
    return vertx.executeBlocking(() -> {
      JdbcStore store = new JdbcStore(vertx, dialect, url, name);
      store.createTables();
      return store;
    }, false);
  }

  /**
   * Creates what is missing. Nodes that start together race: PostgreSQL fails one of two
   * concurrent {@code CREATE TABLE IF NOT EXISTS} (a duplicate in its catalog); the loser tries
   * again, and then finds the tables.
   */
  private void createTables() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement statement = writeConnection.createStatement()) {
        for (String ddl : dialect.schema()) {
          statement.execute(ddl);
        }
        break;
      } catch (SQLException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    writeConnection.setAutoCommit(false);
  }

  // ---------------------------------------------------------------- the journal

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = CallerContext.promise();
    writes.add(new Write(List.copyOf(events), done));
    if (draining.compareAndSet(false, true)) {
      writer.executeBlocking(this::drain, false);
    }
    return done.future();
  }

  /** On the writer thread: commits what waits, group by group, until nothing does. */
  private Void drain() {
    while (true) {
      List<Write> group = new ArrayList<>();
      for (Write write = writes.poll(); write != null; write = writes.poll()) {
        group.add(write);
      }
      if (group.isEmpty()) {
        draining.set(false);
        // A write added after the last poll, before the flag went down, would wait for ever.
        if (writes.isEmpty() || !draining.compareAndSet(false, true)) {
          return null;
        }
        continue;
      }
      commit(group);
    }
  }

  private void commit(List<Write> group) {
    try {
      insert(group);
      writeConnection.commit();
      group.forEach(write -> write.done().complete());
    } catch (SQLException groupFailure) {
      rollback();
      if (group.size() == 1) {
        group.get(0).done().fail(failure(group.get(0), groupFailure));
        return;
      }
      // One write of the group failed it: each again alone, so that only the failing one fails.
      group.forEach(write -> commit(List.of(write)));
    }
  }

  private void insert(List<Write> group) throws SQLException {
    try (PreparedStatement insert = writeConnection.prepareStatement(
        "INSERT INTO actors_journal (persistence_id, sequence_nr, manifest, payload) VALUES (?, ?, ?, ?)")) {
      for (Write write : group) {
        for (StoredEvent event : write.events()) {
          insert.setString(1, event.persistenceId());
          insert.setLong(2, event.sequenceNr());
          insert.setString(3, event.manifest());
          insert.setBytes(4, event.payload());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private void rollback() {
    try {
      writeConnection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken: the next commit fails and says so.
    }
  }

  private PersistenceFailureException failure(Write write, SQLException cause) {
    StoredEvent first = write.events().get(0);
    String what = "events " + first.sequenceNr() + " to " + (first.sequenceNr() + write.events().size() - 1)
        + " of " + first.persistenceId();
    return dialect.isDuplicateKey(cause)
        ? new PersistenceFailureException("refused " + what + ": a sequence number among them was written already, "
            + "by another incarnation of the same persistence id", cause)
        : new PersistenceFailureException("could not write " + what + ": " + cause.getMessage(), cause);
  }

  @Override
  public Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max) {
    return onReader(() -> {
      List<StoredEvent> events = new ArrayList<>(Math.min(max, 1024));
      try (PreparedStatement select = readConnection.prepareStatement("SELECT sequence_nr, manifest, payload "
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
    try (PreparedStatement select = readConnection.prepareStatement(query)) {
      select.setString(1, persistenceId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  @Override
  public Future<Void> deleteTo(String persistenceId, long toSequenceNr) {
    return onWriter(() -> {
      try (PreparedStatement mark = writeConnection.prepareStatement(
          "INSERT INTO actors_deleted (persistence_id, to_sequence_nr) VALUES (?, ?)");
           PreparedStatement delete = writeConnection.prepareStatement(
               "DELETE FROM actors_journal WHERE persistence_id = ? AND sequence_nr <= ?")) {
        mark.setString(1, persistenceId);
        mark.setLong(2, toSequenceNr);
        mark.executeUpdate();
        delete.setString(1, persistenceId);
        delete.setLong(2, toSequenceNr);
        delete.executeUpdate();
        writeConnection.commit();
      } catch (SQLException e) {
        rollback();
        throw e;
      }
      return null;
    });
  }

  // ---------------------------------------------------------------- snapshots

  @Override
  public Future<Void> save(StoredSnapshot snapshot) {
    return onWriter(() -> {
      try (PreparedStatement insert = writeConnection.prepareStatement(
          "INSERT INTO actors_snapshots (persistence_id, sequence_nr, manifest, payload) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, snapshot.persistenceId());
        insert.setLong(2, snapshot.sequenceNr());
        insert.setString(3, snapshot.manifest());
        insert.setBytes(4, snapshot.payload());
        insert.executeUpdate();
        writeConnection.commit();
      } catch (SQLException e) {
        rollback();
        throw e;
      }
      return null;
    });
  }

  @Override
  public Future<StoredSnapshot> latest(String persistenceId) {
    return onReader(() -> {
      try (PreparedStatement select = readConnection.prepareStatement("SELECT sequence_nr, manifest, payload "
          + "FROM actors_snapshots WHERE persistence_id = ? ORDER BY sequence_nr DESC LIMIT 1")) {
        select.setString(1, persistenceId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? new StoredSnapshot(persistenceId, rows.getLong(1), rows.getString(2), rows.getBytes(3)) : null;
        }
      }
    });
  }

  private <T> Future<T> onReader(Callable<T> work) {
    return CallerContext.rebind(reader.executeBlocking(work, false));
  }

  /** Work of the writer thread, behind the appends already queued on it. */
  private <T> Future<T> onWriter(Callable<T> work) {
    return CallerContext.rebind(writer.executeBlocking(work, true));
  }

  @Override
  public Future<Void> close() {
    return writer.executeBlocking(() -> {
      writeConnection.close();
      readConnection.close();
      return null;
    }, true).eventually(() -> Future.join(writer.close(), reader.close())).mapEmpty();
  }
}
