package actors.cluster;

import actors.ActorRef;
import io.vertx.core.Future;

/**
 * Actors found by name, cluster-wide: backed by the cluster manager's shared data (an
 * {@code AsyncMap} per actor system name), or by the Vertx's local shared data when it is not
 * clustered. A name stays registered until it is unregistered, its actor stops, or the node of
 * its actor leaves the cluster.
 *
 * <p>All methods are thread-safe and never block; their Futures complete on the caller's
 * context when there is one.
 */
public interface ActorRegistry {

  /**
   * Registers {@code ref} under {@code name}; registering the same reference again succeeds.
   * The Future fails with {@link IllegalStateException} if another actor has the name.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank, or {@code ref} cannot be
   *                                  reached from other nodes (an ask's temporary reference)
   */
  Future<Void> register(String name, ActorRef ref);

  /**
   * The actor registered under {@code name}, or a Future failed with
   * {@link ActorNotFoundException} when there is none.
   *
   * @throws NullPointerException if {@code name} is null
   */
  Future<ActorRef> lookup(String name);

  /**
   * Removes {@code name}, if it names an actor of this node; the Future completes with whether
   * it was registered, and fails with {@link IllegalStateException} when it names an actor of
   * another node: only the node of an actor may unregister it (its entry also goes when the
   * actor stops or its node leaves).
   *
   * @throws NullPointerException if {@code name} is null
   */
  Future<Boolean> unregister(String name);
}
