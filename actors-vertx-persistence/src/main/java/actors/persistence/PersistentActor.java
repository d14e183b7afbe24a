package actors.persistence;

import actors.Actor;
import actors.ActorInitializationException;
import actors.ActorRef;
import actors.Stash;
import actors.internal.StopWhenDone;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An actor whose state is the sum of its events, kept in the system's {@link Persistence} store.
 * <pre>{@code
 * class Account extends PersistentActor {
 *   private long balance;
 *
 *   public String persistenceId() { return "account-" + id; }
 *
 *   protected void receiveRecover(Object event) {        // replayed on start and restart
 *     if (event instanceof Deposited d) balance += d.amount();
 *   }
 *
 *   protected void receiveCommand(Object command) {
 *     if (command instanceof Deposit d) {
 *       persist(new Deposited(d.amount()), event -> {     // runs once the event is durable
 *         balance += event.amount();
 *         sender().tell(balance, self());
 *       });
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>On start, and on every restart, the actor recovers: the latest snapshot (as a
 * {@link SnapshotOffer}) and the events after it go to {@link #receiveRecover}, then
 * {@link #onRecoveryCompleted()} runs. Commands that arrive meanwhile wait, and so do those that
 * arrive while events are being written: a command never sees half-applied state. Events persisted
 * during one command are written together, all or none, numbered 1, 2, 3, ... per persistence id
 * with no gap; their handlers run, in order and with the command's sender, only once the store
 * has made them durable.
 *
 * <p>Each incarnation first takes a fencing token from the journal ({@link EventJournal#fence}),
 * then reads its history: once a newer incarnation of the same persistence id has started,
 * anywhere (a shard moved, a network split), the store refuses every write of the older one, so
 * the history is never written by two at once.
 *
 * <p>A failure to persist is thrown in the actor as a {@link PersistenceFailureException}
 * naming the persistence id, the events and the cause: its supervisor decides (by default a
 * restart, which replays, so the new instance has the state of what was stored, and nothing that
 * was not stored was acknowledged). A failure to recover (the store, an event or snapshot that
 * cannot be read back, or {@link #receiveRecover} throwing) is an
 * {@link ActorInitializationException} whose cause says what failed (a
 * {@link PersistenceFailureException} naming the persistence id and the event): the default
 * strategy stops the actor, as Pekko does, rather than retrying as fast as it restarts; a
 * supervisor that expects the store back restarts it with back-off. Events and snapshots are encoded by Jackson and must be of
 * allowed classes ({@code ActorSystemOptions.addMessagePackage}).
 */
public abstract class PersistentActor extends Actor implements Stash, StopWhenDone.Deferring {

  private static final int REPLAY_CHUNK = 1024;

  /** What this incarnation tells itself: replayed events, and the outcome of a write. */
  private record Replayed(PersistentActor owner, StoredSnapshot snapshot, List<StoredEvent> events, Long highest,
                          Throwable failure) {
  }

  private record Written(PersistentActor owner, List<Object> events, List<Consumer<Object>> handlers,
                         Throwable failure) {
  }

  private Persistence persistence;
  private String id;
  private long lastSequenceNr;
  private long fencingToken; // this incarnation's, from the journal's fence at recovery
  private boolean recovering = true;
  private boolean writing;
  private boolean inCommand;
  private final List<StoredEvent> batch = new ArrayList<>();
  private final List<Object> batchEvents = new ArrayList<>();
  private final List<Consumer<Object>> batchHandlers = new ArrayList<>();

  /** The id of this actor's events in the store: the same for every incarnation, unique per actor. */
  public abstract String persistenceId();

  /** Applies a replayed event, or a {@link SnapshotOffer}, to the state; no persisting here. */
  protected abstract void receiveRecover(Object event) throws Exception;

  /** Handles a command once recovered; may {@link #persist} events. */
  protected abstract void receiveCommand(Object command) throws Exception;

  /** Runs once recovery is over, before the first command; may persist. Default: nothing. */
  protected void onRecoveryCompleted() throws Exception {
  }

  /** The sequence number of the last event stored (recovered or persisted); 0 if none. */
  public final long lastSequenceNr() {
    return lastSequenceNr;
  }

  /** Starts recovery; a persistent actor's start is its recovery, so this cannot be overridden. */
  @Override
  public final void preStart() {
    String persistenceId = persistenceId();
    if (persistenceId == null) {
      throw new NullPointerException("persistenceId() of " + getClass().getName() + " returned null");
    }
    if (persistenceId.isBlank()) {
      throw new IllegalArgumentException("persistenceId() of " + getClass().getName() + " returned a blank id");
    }
    id = persistenceId;
    persistence = Persistence.get(context().system());
    lastSequenceNr = 0;
    recovering = true;
    ActorRef me = self();
    // The fence first: what an older incarnation wrote before it is read below, and nothing after it.
    persistence.journal().fence(id)
        .compose(token -> {
          fencingToken = token; // read on this actor's thread after the Replayed message
          return persistence.snapshotStore().latest(id);
        })
        .compose(snapshot -> persistence.journal().read(id, snapshot == null ? 1 : snapshot.sequenceNr() + 1, REPLAY_CHUNK)
            .map(events -> new Replayed(this, snapshot, events, null, null)))
        .onComplete(read -> me.tell(read.succeeded() ? read.result() : new Replayed(this, null, null, null, read.cause())));
  }

  /**
   * Persists {@code event}: {@code then} runs with it once it is durable, with the command's
   * sender; commands wait until then. Call from {@link #receiveCommand}, a handler, or
   * {@link #onRecoveryCompleted()}.
   *
   * @throws IllegalArgumentException if the event's class is not allowed, or Jackson cannot write it
   * @throws IllegalStateException    outside a command (during recovery, or from another thread)
   */
  protected final <E> void persist(E event, Consumer<? super E> then) {
    persistAll(List.of(Objects.requireNonNull(event, "event")), then);
  }

  /**
   * Persists {@code events} as one write, all or none; {@code then} runs with each, in order.
   * Every event is checked and encoded first: if one is refused, none is persisted.
   *
   * @throws IllegalArgumentException if an event's class is not allowed, or Jackson cannot write it
   * @throws IllegalStateException    as {@link #persist}
   */
  @SuppressWarnings("unchecked")
  protected final <E> void persistAll(List<? extends E> events, Consumer<? super E> then) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(then, "then");
    if (!inCommand) {
      throw new IllegalStateException("persist is for commands, their handlers and onRecoveryCompleted of "
          + self().path() + (recovering ? ", not recovery" : ""));
    }
    long sequenceNr = lastSequenceNr + batch.size();
    List<StoredEvent> encoded = new ArrayList<>(events.size());
    for (E event : events) {
      Objects.requireNonNull(event, "an event of persistAll");
      encoded.add(new StoredEvent(id, ++sequenceNr, event.getClass().getName(), persistence.encode(event)));
    }
    batch.addAll(encoded);
    batchEvents.addAll(events);
    for (int i = 0; i < events.size(); i++) {
      batchHandlers.add((Consumer<Object>) then);
    }
  }

  /**
   * Keeps {@code state} as the snapshot after the last event: later recoveries start from it.
   * The Future completes on this actor's context; change no state in its callbacks, tell
   * {@code self()} instead.
   */
  protected final Future<Void> saveSnapshot(Object state) {
    Objects.requireNonNull(state, "state");
    return persistence.snapshotStore().save(new StoredSnapshot(id, lastSequenceNr, state.getClass().getName(),
        persistence.encode(state)));
  }

  /** Deletes the events up to {@code toSequenceNr} (a snapshot should cover them); numbering goes on. */
  protected final Future<Void> deleteEvents(long toSequenceNr) {
    if (toSequenceNr > lastSequenceNr) {
      throw new IllegalArgumentException("cannot delete up to event " + toSequenceNr + " of " + id + ": the last is "
          + lastSequenceNr);
    }
    return persistence.journal().deleteTo(id, toSequenceNr);
  }

  /**
   * Not for applications: a sharding region's hand-off or passivation waits while this actor
   * recovers or writes, so that no command it holds is lost.
   */
  @Override
  public final boolean deferStop() {
    return recovering || writing;
  }

  @Override
  protected final void receive(Object message) throws Exception {
    if (message instanceof Replayed replayed) {
      if (replayed.owner() == this) {
        try {
          replayed(replayed);
        } catch (Exception e) {
          if (!recovering) {
            throw e;
          }
          // Retrying at once would fail the same way, as fast as the supervisor restarts: stop by default.
          throw new ActorInitializationException(self().path(), e.getMessage(), e);
        }
      }
    } else if (message instanceof Written written) {
      if (written.owner() == this) {
        written(written);
      }
    } else if (recovering || writing) {
      stash();
    } else {
      inCommand = true;
      try {
        receiveCommand(message);
      } finally {
        inCommand = false;
      }
      write();
    }
  }

  private void replayed(Replayed replayed) throws Exception {
    if (replayed.failure() != null) {
      throw new PersistenceFailureException("recovery of " + id + " failed after event " + lastSequenceNr + ": "
          + replayed.failure().getMessage(), replayed.failure());
    }
    if (replayed.highest() != null) {
      lastSequenceNr = Math.max(lastSequenceNr, replayed.highest());
      recovering = false;
      inCommand = true;
      try {
        onRecoveryCompleted();
      } finally {
        inCommand = false;
      }
      write();
      if (!writing) {
        unstashAll();
      }
      return;
    }
    if (replayed.snapshot() != null) {
      StoredSnapshot snapshot = replayed.snapshot();
      receiveRecover(new SnapshotOffer(snapshot.sequenceNr(),
          readBack("the snapshot at event " + snapshot.sequenceNr(), snapshot.manifest(), snapshot.payload())));
      lastSequenceNr = snapshot.sequenceNr();
    }
    for (StoredEvent event : replayed.events()) {
      if (lastSequenceNr > 0 && event.sequenceNr() != lastSequenceNr + 1) {
        throw new PersistenceFailureException("recovery of " + id + " found event " + event.sequenceNr() + " after "
            + lastSequenceNr + ": the history has a gap");
      }
      receiveRecover(readBack("event " + event.sequenceNr(), event.manifest(), event.payload()));
      lastSequenceNr = event.sequenceNr();
    }
    ActorRef me = self();
    Future<Replayed> next = replayed.events().size() == REPLAY_CHUNK
        ? persistence.journal().read(id, lastSequenceNr + 1, REPLAY_CHUNK).map(events -> new Replayed(this, null, events, null, null))
        : persistence.journal().highestSequenceNr(id).map(highest -> new Replayed(this, null, List.of(), highest, null));
    next.onComplete(read -> me.tell(read.succeeded() ? read.result() : new Replayed(this, null, null, null, read.cause())));
  }

  /** The stored {@code what}, decoded; a failure names this actor's persistence id and {@code what}. */
  private Object readBack(String what, String manifest, byte[] payload) {
    try {
      return persistence.decode(manifest, payload);
    } catch (PersistenceFailureException e) {
      throw new PersistenceFailureException("recovery of " + id + " cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /** Writes what the command persisted, if anything; commands wait until it is written. */
  private void write() {
    if (batch.isEmpty()) {
      return;
    }
    writing = true;
    List<StoredEvent> events = List.copyOf(batch);
    Written pending = new Written(this, List.copyOf(batchEvents), List.copyOf(batchHandlers), null);
    batch.clear();
    batchEvents.clear();
    batchHandlers.clear();
    ActorRef me = self();
    ActorRef sender = sender();
    persistence.journal().append(events, fencingToken).onComplete(appended -> me.tell(appended.succeeded() ? pending
        : new Written(this, pending.events(), pending.handlers(), appended.cause()), sender));
  }

  private void written(Written written) {
    if (written.failure() != null) {
      throw new PersistenceFailureException("persisting events " + (lastSequenceNr + 1) + " to "
          + (lastSequenceNr + written.events().size()) + " of " + id + " failed: " + written.failure().getMessage(),
          written.failure());
    }
    lastSequenceNr += written.events().size();
    writing = false;
    inCommand = true;
    try {
      for (int i = 0; i < written.events().size(); i++) {
        written.handlers().get(i).accept(written.events().get(i));
      }
    } finally {
      inCommand = false;
    }
    write();
    if (!writing) {
      unstashAll();
    }
  }
}
