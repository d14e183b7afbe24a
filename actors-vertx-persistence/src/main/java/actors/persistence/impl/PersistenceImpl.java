package actors.persistence.impl;

import actors.ActorSystem;
import actors.internal.MessageAllowList;
import actors.internal.SystemServices;
import actors.persistence.EventJournal;
import actors.persistence.Persistence;
import actors.persistence.PersistenceFailureException;
import actors.persistence.PersistenceOptions;
import actors.persistence.SnapshotStore;
import actors.persistence.StoredEvent;
import actors.persistence.StoredSnapshot;
import actors.persistence.spi.PostgresStores;
import actors.persistence.spi.Store;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The persistence of one actor system: its store, opened once (the embedded SQLite one unless the
 * options give another), and its codec, Jackson under the system's allow-list, tolerant of
 * fields an event class no longer has. Until the store is open, calls wait for it.
 */
public final class PersistenceImpl implements Persistence, EventJournal, SnapshotStore {

  private static final Map<ActorSystem, PersistenceImpl> OF_SYSTEM = new WeakHashMap<>();

  private final Future<EventJournal> events;
  private final Future<SnapshotStore> snapshots;
  private final MessageAllowList allowList = new MessageAllowList();
  private final ObjectMapper mapper;
  private final boolean configured;

  private PersistenceImpl(SystemServices system, PersistenceOptions options) {
    this.configured = options != null;
    system.options().getMessagePackages().forEach(allowList::allowPackage);
    this.mapper = allowList.newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (options != null && options.getJournal() != null) {
      this.events = Future.succeededFuture(options.getJournal());
      this.snapshots = Future.succeededFuture(options.getSnapshotStore());
    } else if (options != null && options.getPostgres() != null) {
      Future<Store> postgres = postgres(system.vertx(), options.getPostgres(), system.name());
      this.events = postgres.map(store -> store);
      this.snapshots = postgres.map(store -> store);
      closeWithSystem(system, postgres);
    } else {
      Path directory = options != null && options.getDirectory() != null ? options.getDirectory()
          : Path.of(PersistenceOptions.DEFAULT_DIRECTORY, system.name());
      Future<JdbcStore> embedded = JdbcStore.embedded(system.vertx(), directory, system.name());
      this.events = embedded.map(store -> store);
      this.snapshots = embedded.map(store -> store);
      closeWithSystem(system, embedded);
    }
  }

  /**
   * The PostgreSQL store: the reactive one when {@code actors-vertx-postgres} is on the class
   * path, else the JDBC one when PostgreSQL's JDBC driver is, else failed naming both.
   */
  private static Future<Store> postgres(Vertx vertx, String uri, String name) {
    Optional<PostgresStores> reactive = ServiceLoader.load(PostgresStores.class, PersistenceImpl.class.getClassLoader())
        .findFirst();
    if (reactive.isPresent()) {
      return Future.succeededFuture(reactive.get().open(vertx, uri, name));
    }
    try {
      Class.forName("org.postgresql.Driver", false, PersistenceImpl.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return Future.failedFuture(new IllegalStateException("the PostgreSQL store needs a client: add "
          + "io.github.actorsvertx:actors-vertx-postgres (the reactive store), or org.postgresql:postgresql (JDBC)"));
    }
    return JdbcStore.open(vertx, Dialect.POSTGRES, Dialect.postgres(uri), name).map(Store.class::cast);
  }

  /** Closes the store once the system's actors have stopped, before the system is terminated. */
  private static void closeWithSystem(SystemServices system, Future<? extends Store> store) {
    system.beforeTerminated(() -> store.transform(opened -> opened.succeeded() ? opened.result().close() : Future.succeededFuture()));
  }

  /** Backs {@code Persistence.get} (options null) and {@code Persistence.start}. */
  public static PersistenceImpl of(ActorSystem system, PersistenceOptions options) {
    SystemServices services = SystemServices.of(system, "Persistence");
    synchronized (OF_SYSTEM) {
      PersistenceImpl existing = OF_SYSTEM.get(services);
      if (existing != null && options == null) {
        return existing;
      }
      if (existing != null) {
        throw new IllegalStateException("the persistence of system " + system.name() + " was "
            + (existing.configured ? "started already" : "used with the default store already")
            + ": start it once, before any persistent actor starts");
      }
      PersistenceImpl created = new PersistenceImpl(services, options);
      OF_SYSTEM.put(services, created);
      services.whenTerminated().onComplete(terminated -> {
        synchronized (OF_SYSTEM) {
          OF_SYSTEM.remove(services);
        }
      });
      return created;
    }
  }

  @Override
  public Future<Void> ready() {
    return Future.all(events, snapshots).mapEmpty();
  }

  @Override
  public EventJournal journal() {
    return this;
  }

  @Override
  public SnapshotStore snapshotStore() {
    return this;
  }

  @Override
  public byte[] encode(Object value) {
    String manifest = value.getClass().getName();
    try {
      allowList.allowedClass(manifest);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot persist a " + manifest + ": its class could not be read back ("
          + e.getMessage() + "); allow its package with ActorSystemOptions.addMessagePackage, or annotate it "
          + "@ClusterMessage", e);
    }
    byte[] encoded;
    try {
      encoded = mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode a " + manifest + " with Jackson: " + e.getMessage(), e);
    }
    try {
      // Read back as recovery will, under the allow-list at every depth: what cannot be is never written.
      mapper.readValue(encoded, value.getClass());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot persist a " + manifest + ": it could not be read back (" + e.getMessage()
          + "); allow the packages of the classes it holds with ActorSystemOptions.addMessagePackage", e);
    }
    return encoded;
  }

  @Override
  public Object decode(String manifest, byte[] payload) {
    Class<?> type;
    try {
      type = allowList.allowedClass(manifest);
    } catch (RuntimeException e) {
      throw new PersistenceFailureException("cannot read back a stored " + manifest + ": " + e.getMessage(), e);
    }
    try {
      return mapper.readValue(payload, type);
    } catch (IOException e) {
      throw new PersistenceFailureException("cannot decode a stored " + manifest + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- the store, once open

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    return this.events.compose(open -> open.append(events));
  }

  @Override
  public Future<Void> append(List<StoredEvent> events, long fencingToken) {
    return this.events.compose(open -> open.append(events, fencingToken));
  }

  @Override
  public Future<Long> fence(String persistenceId) {
    return events.compose(open -> open.fence(persistenceId));
  }

  @Override
  public Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max) {
    return events.compose(open -> open.read(persistenceId, fromSequenceNr, max));
  }

  @Override
  public Future<Long> highestSequenceNr(String persistenceId) {
    return events.compose(open -> open.highestSequenceNr(persistenceId));
  }

  @Override
  public Future<Void> deleteTo(String persistenceId, long toSequenceNr) {
    return events.compose(open -> open.deleteTo(persistenceId, toSequenceNr));
  }

  @Override
  public Future<Void> save(StoredSnapshot snapshot) {
    return snapshots.compose(open -> open.save(snapshot));
  }

  @Override
  public Future<StoredSnapshot> latest(String persistenceId) {
    return snapshots.compose(open -> open.latest(persistenceId));
  }

  @Override
  public Future<Void> close() {
    return events.compose(EventJournal::close);
  }
}
