package actors.persistence.impl;

import actors.internal.CallerContext;
import actors.persistence.PersistenceFailureException;
import actors.persistence.StoredEvent;
import actors.persistence.spi.AppendFailures;
import actors.persistence.spi.PostgresSchema;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One write connection of the JDBC store on a thread of its own. It commits every append
 * waiting when it starts in one transaction (group commit), so that many actors persisting at
 * once cost few commits; an append whose sequence numbers exist already fails alone, and the
 * others of its group are committed again without it. The store gives each persistence id to
 * one writer, so that its writes keep their order.
 */
final class JournalWriter {

  /** One append waiting for the writer, with its writer's fencing token (0: none). */
  private record Write(List<StoredEvent> events, long token, Promise<Void> done) {
  }

  /** An append whose fencing token is no longer its persistence id's latest. */
  private static final class Fenced extends SQLException {
    Fenced() {
      super("fenced off");
    }
  }

  /** Statements run in one transaction on the writer's connection. */
  @FunctionalInterface
  interface Transaction {
    void run(Connection connection) throws SQLException;
  }

  private final Dialect dialect;
  private final WorkerExecutor thread;
  private final Link link;
  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  JournalWriter(Vertx vertx, Dialect dialect, JdbcTarget target, String name) {
    this.dialect = dialect;
    this.thread = vertx.createSharedWorkerExecutor(name, 1);
    this.link = new Link(dialect, target, true);
  }

  /** Appends {@code events}, all of one persistence id, in the next group, if {@code token} is still its latest. */
  Future<Void> append(List<StoredEvent> events, long token) {
    Promise<Void> done = CallerContext.promise();
    writes.add(new Write(List.copyOf(events), token, done));
    if (draining.compareAndSet(false, true)) {
      thread.executeBlocking(this::drain, false);
    }
    return done.future();
  }

  /** A transaction on this writer's connection, behind the appends already queued. */
  Future<Void> run(Transaction work) {
    return CallerContext.rebind(thread.executeBlocking(() -> {
      transact(work);
      return null;
    }, true));
  }

  /** A new fencing token of {@code persistenceId}, behind the appends already queued. */
  Future<Long> fence(String persistenceId) {
    return CallerContext.rebind(thread.executeBlocking(() -> {
      long[] token = new long[1];
      transact(connection -> {
        try (PreparedStatement fence = connection.prepareStatement(PostgresSchema.FENCE.replace("$1", "?"))) {
          fence.setString(1, persistenceId);
          try (ResultSet result = fence.executeQuery()) {
            result.next();
            token[0] = result.getLong(1);
          }
        }
      });
      return token[0];
    }, true));
  }

  Future<Void> close() {
    return thread.executeBlocking(() -> {
      link.close();
      return null;
    }, true).eventually(thread::close).mapEmpty();
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
    for (Write write : group) {
      if (write.token() != 0) {
        checkFence(connection, write);
      }
    }
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

  private void checkFence(Connection connection, Write write) throws SQLException {
    try (PreparedStatement check = connection.prepareStatement(dialect.fenceCheck())) {
      check.setString(1, write.events().get(0).persistenceId());
      try (ResultSet result = check.executeQuery()) {
        if (!result.next() || result.getLong(1) != write.token()) {
          throw new Fenced();
        }
      }
    }
  }

  /** On the writer thread: {@code work}, committed, or rolled back and the connection checked before the next. */
  private void transact(Transaction work) throws SQLException {
    try {
      Connection connection = link.get();
      work.run(connection);
      connection.commit();
    } catch (SQLException e) {
      link.failed();
      link.rollback();
      throw e;
    }
  }

  private PersistenceFailureException failure(Write write, SQLException cause) {
    return cause instanceof Fenced ? AppendFailures.fenced(write.events(), write.token())
        : AppendFailures.of(write.events(), dialect.isDuplicateKey(cause), cause);
  }
}
