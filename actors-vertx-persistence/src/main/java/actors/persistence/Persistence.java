package actors.persistence;

import actors.ActorSystem;
import actors.persistence.impl.PersistenceImpl;
import io.vertx.core.Future;

/**
 * The store of a system's persistent actors, and how their events and snapshots are encoded:
 * JSON by Jackson, after the class name, decoded only for classes the system allows
 * ({@code ActorSystemOptions.addMessagePackage}), as messages between nodes are.
 *
 * <p>Thread-safe; nothing blocks the caller.
 */
public interface Persistence {

  /** The persistence of {@code system}: the one {@link #start started}, or the embedded default. */
  static Persistence get(ActorSystem system) {
    return PersistenceImpl.of(system, null);
  }

  /**
   * Sets up the persistence of {@code system} with {@code options}, before any persistent actor
   * starts.
   *
   * @throws IllegalStateException if it was set up already, or used with the default
   */
  static Persistence start(ActorSystem system, PersistenceOptions options) {
    return PersistenceImpl.of(system, options);
  }

  /** Completes once the store is open; fails with why it could not be. */
  Future<Void> ready();

  /** The journal: events by persistence id. */
  EventJournal journal();

  /** The snapshot store. */
  SnapshotStore snapshotStore();

  /**
   * {@code value} encoded, as a store keeps it under its class name (the manifest).
   *
   * @throws IllegalArgumentException if its class is not allowed, so could never be read back,
   *                                  or Jackson cannot write it
   */
  byte[] encode(Object value);

  /**
   * What {@code manifest} and {@code payload} encode.
   *
   * @throws PersistenceFailureException naming the class if it is not allowed or does not decode
   */
  Object decode(String manifest, byte[] payload);
}
