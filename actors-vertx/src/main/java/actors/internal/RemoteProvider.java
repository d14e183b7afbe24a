package actors.internal;

import actors.ActorRef;
import io.vertx.core.Future;

/**
 * How the core reaches actors of other nodes (Pekko's {@code ActorRefProvider}, Vert.x's
 * clustered event bus): the cluster transport on a clustered Vertx, a local provider that
 * knows no other node otherwise. The core knows nothing else of the cluster.
 */
public interface RemoteProvider {

  /** This node's id in the cluster; {@code "local"} when not clustered. */
  String nodeId();

  /** How the system signs what it writes to the cluster manager's maps: unsigned without a cluster secret. */
  default SignedEntries signedEntries() {
    return SignedEntries.UNSIGNED;
  }

  /** Whether {@code node} is in the cluster now; this node always is. Cheap: any thread, any rate. */
  boolean isMember(String node);

  /** {@code listener} runs, on any thread, each time a node joins or leaves the cluster. */
  void onMembershipChange(Runnable listener);

  /** {@code listener} no longer runs. */
  void removeMembershipListener(Runnable listener);

  /** This node's right to host shards and singletons: always held when not clustered. */
  default Ownership ownership() {
    return Ownership.ALONE;
  }

  /** The system has made its guardian: the provider may start actors of its own now. */
  default void systemStarted() {
  }

  /** Completes once other nodes can reach this one. */
  Future<Void> ready();

  /** Whether {@code ref} is a reference of this provider to an actor of another node. */
  boolean isRemote(ActorRef ref);

  /**
   * The reference to the actor at {@code path} on {@code node}, another node.
   *
   * @throws IllegalArgumentException when this system is not clustered
   */
  ActorRef resolve(String node, String path);

  /** The address of a reference {@link #isRemote remote}; other nodes' ids come first. */
  String addressOf(ActorRef remote);

  /** The reply reference at {@code path} ({@code /temp/...}) of an ask sent to another node, or null. */
  ActorRef exportedAsk(String path);

  /** {@code watcher} wants to know when the remote {@code watchee} stops or its node leaves. */
  void watch(ActorRef watchee, RemoteWatcher watcher);

  /** {@code watcher} no longer cares about the remote {@code watchee}. */
  void unwatch(ActorRef watchee, RemoteWatcher watcher);

  /** Stops receiving; called when the system terminates, before its actors stop. */
  Future<Void> close();
}
