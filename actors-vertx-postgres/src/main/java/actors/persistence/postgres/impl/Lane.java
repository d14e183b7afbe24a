package actors.persistence.postgres.impl;

import actors.internal.CallerContext;
import actors.persistence.PersistenceFailureException;
import actors.persistence.StoredEvent;
import actors.persistence.spi.AppendFailures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One ordered lane of writes of the reactive store: one transaction at a time, in the order the
 * writes came. The appends waiting when a transaction starts are committed together (group
 * commit): one statement inserting every event of the group from four arrays, in one round trip,
 * all or none; an append whose sequence numbers exist already fails alone, and the others of its
 * group are committed again without it. Any thread may add.
 */
final class Lane {

  /**
   * A group's events in one statement, one row per element of the five arrays; a row whose
   * fencing token (0: none) is no longer its persistence id's latest is left out, the token's row
   * locked until the commit so that a newer writer's fence waits for it ({@code PostgresSchema}).
   * It returns what it inserted.
   */
  private static final String INSERT = "INSERT INTO actors_journal (persistence_id, sequence_nr, manifest, payload) "
      + "SELECT r.persistence_id, r.sequence_nr, r.manifest, r.payload "
      + "FROM unnest($1::varchar[], $2::bigint[], $3::varchar[], $4::bytea[], $5::bigint[]) "
      + "AS r(persistence_id, sequence_nr, manifest, payload, token) WHERE r.token = 0 OR r.token = "
      + "(SELECT f.token FROM actors_fences f WHERE f.persistence_id = r.persistence_id FOR SHARE) "
      + "RETURNING persistence_id, sequence_nr";

  /** A write waiting for the lane. */
  private sealed interface Write permits Append, Run {
    Promise<Void> done();
  }

  private record Append(List<StoredEvent> events, long token, Promise<Void> done) implements Write {
  }

  private record Run(Function<SqlConnection, Future<Void>> work, Promise<Void> done) implements Write {
  }

  private final ReactivePgStore store;
  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  Lane(ReactivePgStore store) {
    this.store = store;
  }

  /** Appends {@code events}, all of one persistence id, in the next group, if {@code token} is still its latest. */
  Future<Void> append(List<StoredEvent> events, long token) {
    return add(new Append(List.copyOf(events), token, CallerContext.promise()));
  }

  /** {@code work} in a transaction of its own, behind the writes already waiting. */
  Future<Void> run(Function<SqlConnection, Future<Void>> work) {
    return add(new Run(work, CallerContext.promise()));
  }

  private Future<Void> add(Write write) {
    writes.add(write);
    if (running.compareAndSet(false, true)) {
      next();
    }
    return write.done().future();
  }

  /**
   * The next transactions, until one is under way or the lane goes idle. It runs on the thread
   * that woke the lane, then on the one that completed the last transaction: a lane has no
   * thread, and its lanes spread over the event loops that serve the pool's connections.
   */
  private void next() {
    while (true) {
      Write first = writes.poll();
      if (first == null) {
        running.set(false);
        // A write added after the poll, before the flag went down, would wait for ever.
        if (writes.isEmpty() || !running.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      Future<Void> done;
      if (first instanceof Run run) {
        done = store.transaction(run.work()).onComplete(run.done());
      } else {
        List<Append> group = new ArrayList<>();
        group.add((Append) first);
        while (writes.peek() instanceof Append) {
          group.add((Append) writes.poll());
        }
        done = commit(group);
      }
      if (!done.isComplete()) {
        done.onComplete(finished -> next());
        return;
      }
      // Done already (a store that fails at once): the loop goes on, no deeper stack.
    }
  }

  /** Commits {@code group} in one transaction, or each of its appends alone if that fails. */
  private Future<Void> commit(List<Append> group) {
    int size = 0;
    for (Append append : group) {
      size += append.events().size();
    }
    String[] ids = new String[size];
    Long[] sequenceNrs = new Long[size];
    String[] manifests = new String[size];
    Buffer[] payloads = new Buffer[size];
    Long[] tokens = new Long[size];
    int row = 0;
    for (Append append : group) {
      for (StoredEvent event : append.events()) {
        ids[row] = event.persistenceId();
        sequenceNrs[row] = event.sequenceNr();
        manifests[row] = event.manifest();
        tokens[row] = append.token();
        payloads[row++] = Buffer.buffer(event.payload());
      }
    }
    return store.insert(INSERT, Tuple.of(ids, sequenceNrs, manifests, payloads, tokens)).transform(committed -> {
      if (committed.succeeded()) {
        Set<String> inserted = new HashSet<>();
        committed.result().forEach(written -> inserted.add(written.getString(0) + "\u0000" + written.getLong(1)));
        for (Append append : group) {
          StoredEvent first = append.events().get(0);
          if (inserted.contains(first.persistenceId() + "\u0000" + first.sequenceNr())) {
            append.done().complete();
          } else {
            append.done().fail(AppendFailures.fenced(append.events(), append.token()));
          }
        }
        return Future.<Void>succeededFuture();
      }
      if (group.size() == 1) {
        group.get(0).done().fail(failure(group.get(0), committed.cause()));
        return Future.<Void>succeededFuture();
      }
      // One append of the group failed it: each again alone, in order, so that only the failing one fails.
      Future<Void> alone = Future.succeededFuture();
      for (Append append : group) {
        alone = alone.compose(previous -> commit(List.of(append)));
      }
      return alone;
    });
  }

  private static PersistenceFailureException failure(Append append, Throwable cause) {
    return AppendFailures.of(append.events(), cause instanceof PgException pg && "23505".equals(pg.getSqlState()), cause);
  }
}
