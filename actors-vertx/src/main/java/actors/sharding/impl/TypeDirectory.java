package actors.sharding.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the cluster manager holds about one entity type (or singleton), in two of its shared
 * maps: the nodes that host the type, and the lease of each shard, the id of the one node
 * allowed to run it. A lease is taken with {@code putIfAbsent} and given back with
 * {@code removeIfPresent}, so that two nodes never hold it at once.
 */
final class TypeDirectory {

  /** The hosts, and who holds each shard's lease when asked for (else empty). */
  record Snapshot(Set<String> hosts, Map<Integer, String> holders) {
  }

  private final AsyncMap<String, String> hosts;
  private final AsyncMap<String, String> leases;

  private TypeDirectory(AsyncMap<String, String> hosts, AsyncMap<String, String> leases) {
    this.hosts = hosts;
    this.leases = leases;
  }

  /** The directory whose maps are named after {@code prefix}. */
  static Future<TypeDirectory> open(Vertx vertx, String prefix) {
    Future<AsyncMap<String, String>> hosts = vertx.sharedData().getAsyncMap(prefix + ".hosts");
    Future<AsyncMap<String, String>> leases = vertx.sharedData().getAsyncMap(prefix + ".leases");
    return Future.all(hosts, leases).map(both -> new TypeDirectory(hosts.result(), leases.result()));
  }

  Future<Void> addHost(String node) {
    return hosts.put(node, "");
  }

  Future<Void> removeHost(String node) {
    return hosts.remove(node).mapEmpty();
  }

  /** The hosts now, with the leases' holders if {@code withHolders}. */
  Future<Snapshot> read(boolean withHolders) {
    Future<Map<String, String>> entries = withHolders ? leases.entries() : Future.succeededFuture(Map.of());
    return Future.all(hosts.keys(), entries).map(both -> {
      Map<Integer, String> holders = new HashMap<>();
      both.<Map<String, String>>resultAt(1).forEach((shard, holder) -> holders.put(Integer.valueOf(shard), holder));
      return new Snapshot(both.resultAt(0), holders);
    });
  }

  /** Takes the lease of {@code shard} for {@code node}: completes with null if taken, else with its holder. */
  Future<String> take(int shard, String node) {
    return leases.putIfAbsent(String.valueOf(shard), node);
  }

  /** Takes the lease from {@code gone}, a node no longer in the cluster, as {@link #take} does. */
  Future<String> takeFrom(int shard, String gone, String node) {
    return leases.removeIfPresent(String.valueOf(shard), gone).compose(removed -> take(shard, node));
  }

  /** Gives back the lease of {@code shard}, if {@code node} holds it. */
  Future<Boolean> release(int shard, String node) {
    return leases.removeIfPresent(String.valueOf(shard), node);
  }
}
