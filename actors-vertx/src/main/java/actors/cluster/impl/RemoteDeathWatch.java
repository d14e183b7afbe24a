package actors.cluster.impl;

import actors.ActorRef;
import actors.internal.LocalRef;
import actors.internal.RemoteWatcher;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Death watch across nodes, both sides: this node's actors watching actors of other nodes (one
 * WATCH frame per watched actor, however many watch it here), and other nodes watching this
 * node's actors (one TERMINATED frame per watching node when the actor stops). A node that
 * leaves is dead for everything it held. Any thread; the maps are concurrent.
 */
final class RemoteDeathWatch {

  private final String nodeId;
  private final ClusterMembership membership;
  private final Function<String, ActorRef> findLocal;
  private final BiConsumer<String, Buffer> deliver;
  // This node's actors watching actors of other nodes.
  private final Map<RemoteActorRef, Set<RemoteWatcher>> remoteWatchers = new ConcurrentHashMap<>();
  // Other nodes watching this node's actors.
  private final Map<LocalRef, Set<String>> watchingNodes = new ConcurrentHashMap<>();

  RemoteDeathWatch(String nodeId, ClusterMembership membership, Function<String, ActorRef> findLocal,
                   BiConsumer<String, Buffer> deliver) {
    this.nodeId = nodeId;
    this.membership = membership;
    this.findLocal = findLocal;
    this.deliver = deliver;
  }

  /** {@code watcher} watches an actor of another node; a node not in the cluster is dead at once. */
  void watch(RemoteActorRef watchee, RemoteWatcher watcher) {
    if (!membership.isMember(watchee.nodeId)) {
      watcher.remoteTerminated(watchee);
      return;
    }
    if (addFirst(remoteWatchers, watchee, watcher)) {
      deliver.accept(watchee.nodeId, WireFormat.control(WireFormat.WATCH, nodeId, watchee.path()));
    }
  }

  void unwatch(RemoteActorRef watchee, RemoteWatcher watcher) {
    if (removeLast(remoteWatchers, watchee, watcher) && membership.isMember(watchee.nodeId)) {
      deliver.accept(watchee.nodeId, WireFormat.control(WireFormat.UNWATCH, nodeId, watchee.path()));
    }
  }

  /** A TERMINATED frame: {@code watchee} has stopped; its watchers here are told. */
  void terminated(RemoteActorRef watchee) {
    Set<RemoteWatcher> watchers = remoteWatchers.remove(watchee);
    if (watchers != null) {
      watchers.forEach(watcher -> watcher.remoteTerminated(watchee));
    }
  }

  /** A WATCH frame from {@code node}: it is told when the actor at {@code path} stops, at once if none lives. */
  void watchedFrom(String node, String path) {
    if (!(findLocal.apply(path) instanceof LocalRef local)) {
      deliver.accept(node, WireFormat.control(WireFormat.TERMINATED, nodeId, path));
      return;
    }
    if (addFirst(watchingNodes, local, node)) {
      local.whenTerminated().onComplete(stopped -> {
        Set<String> nodes = watchingNodes.remove(local);
        if (nodes != null) {
          nodes.forEach(watcher -> deliver.accept(watcher, WireFormat.control(WireFormat.TERMINATED, nodeId, path)));
        }
      });
    }
  }

  void unwatchedFrom(String node, String path) {
    if (findLocal.apply(path) instanceof LocalRef local) {
      removeLast(watchingNodes, local, node);
    }
  }

  /** {@code node} left: its actors are terminated for their watchers here, its watches dropped. */
  void nodeLeft(String node) {
    for (RemoteActorRef watchee : List.copyOf(remoteWatchers.keySet())) {
      if (watchee.nodeId.equals(node)) {
        terminated(watchee);
      }
    }
    watchingNodes.values().forEach(nodes -> nodes.remove(node));
    watchingNodes.values().removeIf(Set::isEmpty);
  }

  /** Adds {@code value} to the set of {@code key}: true when the set was created for it. */
  private static <K, V> boolean addFirst(Map<K, Set<V>> sets, K key, V value) {
    boolean[] first = new boolean[1];
    sets.compute(key, (k, set) -> {
      if (set == null) {
        set = ConcurrentHashMap.newKeySet();
        first[0] = true;
      }
      set.add(value);
      return set;
    });
    return first[0];
  }

  /** Removes {@code value} from the set of {@code key}: true when that emptied, and removed, the set. */
  private static <K, V> boolean removeLast(Map<K, Set<V>> sets, K key, V value) {
    boolean[] last = new boolean[1];
    sets.computeIfPresent(key, (k, set) -> {
      set.remove(value);
      last[0] = set.isEmpty();
      return last[0] ? null : set;
    });
    return last[0];
  }
}
