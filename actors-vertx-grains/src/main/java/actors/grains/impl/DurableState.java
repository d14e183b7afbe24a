package actors.grains.impl;

import actors.grains.GrainState;
import actors.grains.InconsistentStateException;
import actors.internal.CallerContext;
import actors.persistence.EventJournal;
import actors.persistence.Persistence;
import actors.persistence.PersistenceFailureException;
import actors.persistence.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A grain's durable state in the system's journal: version n is event n of its persistence id,
 * so the journal's refusal of a sequence number it holds already is the optimistic check, and
 * its fence (taken before the read) refuses the writes of an older activation. The versions
 * before the last are deleted once it is written. Writes of one state run one after the other.
 */
final class DurableState<S> implements GrainState<S> {

  private final ActivationContext grain;
  private final String name;
  private final String persistenceId;
  private final Class<S> type;
  private final Supplier<S> initial;
  private final Persistence persistence;
  private final ContextInternal loop;
  private S state;
  private long version;
  private boolean dirty;
  private int writing;
  private long fencingToken;
  private Future<Void> lastWrite;

  DurableState(ActivationContext grain, String name, Class<S> type, Supplier<S> initial, ContextInternal loop) {
    this.grain = grain;
    this.name = name;
    this.persistenceId = "grain|" + grain.grainId().type().getName() + "|" + grain.id() + "|" + name;
    this.type = type;
    this.initial = initial;
    this.persistence = Persistence.get(grain.system());
    this.loop = loop;
    this.lastWrite = loop.succeededFuture();
  }

  /** Fences older activations off, then reads the latest version. */
  Future<Void> load() {
    EventJournal journal = persistence.journal();
    Promise<Void> loaded = loop.promise();
    journal.fence(persistenceId)
        .compose(token -> {
          fencingToken = token;
          return journal.highestSequenceNr(persistenceId);
        })
        .compose(highest -> highest == 0 ? Future.succeededFuture(List.<StoredEvent>of())
            : journal.read(persistenceId, highest, 1))
        .map(events -> {
          if (events.isEmpty()) {
            state = Objects.requireNonNull(initial.get(), "the initial state " + name + " of grain " + grain.grainId());
            return null;
          }
          StoredEvent latest = events.get(0);
          Object read = persistence.decode(latest.manifest(), latest.payload());
          if (!type.isInstance(read)) {
            throw new IllegalStateException("state " + name + " of grain " + grain.grainId() + " is a "
                + read.getClass().getName() + " in the store, not a " + type.getName());
          }
          state = type.cast(read);
          version = latest.sequenceNr();
          return (Void) null;
        })
        .onComplete(loaded);
    return loaded.future();
  }

  @Override
  public S get() {
    return state;
  }

  @Override
  public void set(S state) {
    this.state = Objects.requireNonNull(state, "state");
    dirty = true;
  }

  @Override
  public Future<Void> write() {
    S value = state;
    writing++;
    Future<Void> write = lastWrite.transform(previous -> append(value));
    lastWrite = write;
    return CallerContext.rebind(write);
  }

  private Future<Void> append(S value) {
    long next = version + 1;
    Promise<Void> appended = loop.promise();
    try {
      StoredEvent event = new StoredEvent(persistenceId, next, value.getClass().getName(), persistence.encode(value));
      persistence.journal().append(List.of(event), fencingToken).onComplete(appended);
    } catch (RuntimeException e) {
      appended.fail(e);
    }
    return appended.future().transform(done -> {
      writing--;
      grain.writeEnded();
      if (done.succeeded()) {
        version = next;
        dirty = dirty && state != value;
        if (next > 1) {
          persistence.journal().deleteTo(persistenceId, next - 1);
        }
        return Future.succeededFuture();
      }
      if (!(done.cause() instanceof PersistenceFailureException refused)) {
        return Future.failedFuture(done.cause());
      }
      InconsistentStateException stale = new InconsistentStateException("the write of state " + name + " of grain "
          + grain.grainId() + " as version " + next + " was refused: the store holds that version already (written by "
          + "another activation), or a newer activation fenced this one off; the activation restarts and reads the "
          + "store again before its next call", refused);
      grain.stale(stale);
      return Future.failedFuture(stale);
    });
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public boolean dirty() {
    return dirty;
  }

  boolean writing() {
    return writing > 0;
  }
}
