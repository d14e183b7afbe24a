package actors.persistence.postgres.impl;

import actors.internal.CallerContext;
import actors.persistence.StoredEvent;
import actors.persistence.StoredSnapshot;
import actors.persistence.spi.PostgresSchema;
import actors.persistence.spi.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The journal and snapshot store on PostgreSQL through Vert.x's reactive client: no thread of its
 * own, every round trip on an event loop. Writes go through {@link #LANES} {@link Lane}s, each
 * committing its appends in groups, one transaction at a time; every write of one persistence id
 * goes through the same lane, in order. Reads take any pooled connection.
 *
 * <p>The tables are those of the JDBC store ({@link PostgresSchema}; the same database serves
 * either): {@code actors_journal} with the key {@code (persistence_id, sequence_nr)}, which
 * refuses a second writer; {@code actors_deleted}; {@code actors_snapshots}. They are created if
 * missing before the first operation, and again after a failed attempt.
 */
final class ReactivePgStore implements Store {

  static final int LANES = 4;
  private final Pool pool;
  private final Lane[] lanes = new Lane[LANES];
  private final AtomicReference<Future<Void>> schema = new AtomicReference<>();

  ReactivePgStore(Vertx vertx, PgTarget target, String name) {
    // The lanes and the reads at once; connections are made when first needed, and again after a failure.
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(LANES * 2).setName("actors-journal-" + name))
        .with(target.net()).connectingTo(target.connect()).using(vertx).build();
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new Lane(this);
    }
  }

  /** {@code work} in a transaction, once the tables exist. */
  <T> Future<T> transaction(Function<SqlConnection, Future<T>> work) {
    return tables().compose(ready -> pool.withTransaction(work));
  }

  /** One statement, in a transaction of its own (all or none), in one round trip, once the tables exist. */
  Future<RowSet<Row>> insert(String sql, Tuple arguments) {
    return tables().compose(ready -> pool.preparedQuery(sql).execute(arguments));
  }

  /** The tables, created once; a failed attempt is made again by the next operation. */
  private Future<Void> tables() {
    Future<Void> current = schema.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Future<Void> attempt = pool.withTransaction(connection -> {
      Future<Void> step = Future.succeededFuture();
      for (String statement : PostgresSchema.STATEMENTS) {
        step = step.compose(done -> connection.query(statement).execute().mapEmpty());
      }
      return step;
    });
    return schema.compareAndSet(current, attempt) ? attempt : tables();
  }

  // ---------------------------------------------------------------- the journal

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    return append(events, 0);
  }

  @Override
  public Future<Void> append(List<StoredEvent> events, long fencingToken) {
    return events.isEmpty() ? Future.succeededFuture() : laneOf(events.get(0).persistenceId()).append(events, fencingToken);
  }

  @Override
  public Future<Long> fence(String persistenceId) {
    return CallerContext.rebind(insert(PostgresSchema.FENCE, Tuple.of(persistenceId)).map(rows -> rows.iterator().next().getLong(0)));
  }

  /** The lane of every write of {@code persistenceId}. */
  private Lane laneOf(String persistenceId) {
    return lanes[Math.floorMod(persistenceId.hashCode(), LANES)];
  }

  @Override
  public Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max) {
    return query("SELECT sequence_nr, manifest, payload FROM actors_journal WHERE persistence_id = $1 "
        + "AND sequence_nr >= $2 ORDER BY sequence_nr LIMIT $3", Tuple.of(persistenceId, fromSequenceNr, max), rows -> {
          List<StoredEvent> events = new ArrayList<>(rows.size());
          for (Row row : rows) {
            events.add(new StoredEvent(persistenceId, row.getLong(0), row.getString(1), row.getBuffer(2).getBytes()));
          }
          return events;
        });
  }

  @Override
  public Future<Long> highestSequenceNr(String persistenceId) {
    return query("SELECT GREATEST((SELECT MAX(sequence_nr) FROM actors_journal WHERE persistence_id = $1), "
        + "(SELECT MAX(to_sequence_nr) FROM actors_deleted WHERE persistence_id = $1), 0)", Tuple.of(persistenceId),
        rows -> rows.get(0).getLong(0));
  }

  @Override
  public Future<Void> deleteTo(String persistenceId, long toSequenceNr) {
    return laneOf(persistenceId).run(connection -> connection
        .preparedQuery("INSERT INTO actors_deleted (persistence_id, to_sequence_nr) VALUES ($1, $2)")
        .execute(Tuple.of(persistenceId, toSequenceNr))
        .compose(marked -> connection.preparedQuery("DELETE FROM actors_journal WHERE persistence_id = $1 AND sequence_nr <= $2")
            .execute(Tuple.of(persistenceId, toSequenceNr)))
        .mapEmpty());
  }

  // ---------------------------------------------------------------- snapshots

  @Override
  public Future<Void> save(StoredSnapshot snapshot) {
    return laneOf(snapshot.persistenceId()).run(connection -> connection
        .preparedQuery("INSERT INTO actors_snapshots (persistence_id, sequence_nr, manifest, payload) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(snapshot.persistenceId(), snapshot.sequenceNr(), snapshot.manifest(), Buffer.buffer(snapshot.payload())))
        .mapEmpty());
  }

  @Override
  public Future<StoredSnapshot> latest(String persistenceId) {
    return query("SELECT sequence_nr, manifest, payload FROM actors_snapshots WHERE persistence_id = $1 "
        + "ORDER BY sequence_nr DESC LIMIT 1", Tuple.of(persistenceId), rows -> {
          if (rows.isEmpty()) {
            return null;
          }
          Row row = rows.get(0);
          return new StoredSnapshot(persistenceId, row.getLong(0), row.getString(1), row.getBuffer(2).getBytes());
        });
  }

  /** A read on any pooled connection, its rows mapped, answered on the caller's context. */
  private <T> Future<T> query(String sql, Tuple arguments, Function<List<Row>, T> mapping) {
    return CallerContext.rebind(tables().compose(ready -> pool.preparedQuery(sql).execute(arguments))
        .map(rows -> {
          List<Row> list = new ArrayList<>(rows.size());
          rows.forEach(list::add);
          return mapping.apply(list);
        }));
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
