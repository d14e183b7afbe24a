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
  private final String url;
  private final Link writeLink = new Link(true);
  private final Link readLink = new Link(false);
  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  private JdbcStore(Vertx vertx, Dialect dialect, String url, String name) {
    this.dialect = dialect;
    this.url = url;
    this.writer = vertx.createSharedWorkerExecutor("actors-journal-writer-" + name, 1);
    this.reader = vertx.createSharedWorkerExecutor("actors-journal-reader-" + name, 1);
  }

  /**
   * The store on the embedded SQLite database in {@code directory}, both created if missing;
   * failed with what to add when the application lacks SQLite's driver.
   */
  public static Future<JdbcStore> embedded(Vertx vertx, Path directory, String name) {
    try {
      Class.forName("org.sqlite.JDBC");
    } catch (ClassNotFoundException e) {
      return Future.failedFuture(new IllegalStateException("the embedded store needs SQLite's JDBC driver: add "
          + "org.xerial:sqlite-jdbc to the application's dependencies, or PersistenceOptions.setPostgres"));
    }
    return vertx.executeBlocking(() -> Files.createDirectories(directory), false)
        .compose(created -> open(vertx, Dialect.SQLITE, Dialect.sqliteUrl(directory), name));
  }

  /**
   * The store on the database at the JDBC {@code url}, in {@code dialect}. It connects on first
   * use, creating its tables if missing, and again after a failure that left a connection
   * broken: a database that is down at start or goes away fails the operations meanwhile, and
   * serves again once it is back. {@code name} names its threads.
   */
  public static Future<JdbcStore> open(Vertx vertx, Dialect dialect, String url, String name) {
    return Future.succeededFuture(new JdbcStore(vertx, dialect, url, name));
  }

  /** A connection, opened on first use and again when a failure has left it broken. */
  private final class Link {
    private final boolean writes;
    private Connection connection;
    private boolean suspect;

    Link(boolean writes) {
      this.writes = writes;
    }

    Connection get() throws SQLException {
      if (connection != null && suspect && !connection.isValid(2)) {
        close();
      }
      suspect = false;
      if (connection == null) {
        Connection opened = DriverManager.getConnection(url);
        createTables(opened); // whichever connects first finds the tables there
        opened.setAutoCommit(!writes);
        connection = opened;
      }
      return connection;
    }

    /** An operation failed: the connection is checked before the next one. */
    void failed() {
      suspect = true;
    }

    void close() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException ignored) {
        // Broken already.
      }
      connection = null;
    }
  }

  /**
   * Creates what is missing. Nodes that start together race: PostgreSQL fails one of two
   * concurrent {@code CREATE TABLE IF NOT EXISTS} (a duplicate in its catalog); the loser tries
   * again, and then finds the tables.
   */
  private void createTables(Connection connection) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement statement = connection.createStatement()) {
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
      transact(connection -> insert(connection, group));
      group.forEach(write -> write.done().complete());
    } catch (SQLException groupFailure) {
      if (group.size() == 1) {
        group.get(0).done().fail(failure(group.get(0), groupFailure));
        return;
      }
      // One write of the group failed it: each again alone, so that only the failing one fails.
      group.forEach(write -> commit(List.of(write)));
    }
  }

  private void insert(Connection connection, List<Write> group) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
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
      if (writeLink.connection != null) {
        writeLink.connection.rollback();
      }
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
    return onWriter(connection -> {
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
    return onWriter(connection -> {
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

  /** Statements run in one transaction on the writer's connection. */
  @FunctionalInterface
  private interface Transaction {
    void run(Connection connection) throws SQLException;
  }

  /** On the writer thread: {@code work}, committed, or rolled back and the connection checked before the next. */
  private void transact(Transaction work) throws SQLException {
    try {
      Connection connection = writeLink.get();
      work.run(connection);
      connection.commit();
    } catch (SQLException e) {
      writeLink.failed();
      rollback();
      throw e;
    }
  }

  /** A transaction of the writer thread, behind the appends already queued on it. */
  private Future<Void> onWriter(Transaction work) {
    return CallerContext.rebind(writer.executeBlocking(() -> {
      transact(work);
      return null;
    }, true));
  }

  @Override
  public Future<Void> close() {
    return writer.executeBlocking(() -> {
      writeLink.close();
      readLink.close();
      return null;
    }, true).eventually(() -> Future.join(writer.close(), reader.close())).mapEmpty();
  }
}
