package actors.sharding.impl;

import actors.internal.SignedEntries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the cluster manager holds about one entity type (or singleton), in two of its shared
 * maps: the nodes that host the type, and the lease of each shard, the id of the one node
 * allowed to run it. A lease is taken with {@code putIfAbsent} and given back with
 * {@code removeIfPresent}, so that two nodes never hold it at once. With a cluster secret every
 * entry is signed ({@link SignedEntries}): an entry a member without it wrote is ignored, and a
 * lease it forged is taken over.
 */
final class TypeDirectory {

  /** The hosts, and who holds each shard's lease when asked for (else empty). */
  record Snapshot(Set<String> hosts, Map<Integer, String> holders) {
  }

  private static final String HOST = "host";

  private final String hostsName;
  private final String leasesName;
  private final AsyncMap<String, String> hosts;
  private final AsyncMap<String, String> leases;
  private final SignedEntries signed;

  private TypeDirectory(String prefix, AsyncMap<String, String> hosts, AsyncMap<String, String> leases,
                        SignedEntries signed) {
    this.hostsName = prefix + ".hosts";
    this.leasesName = prefix + ".leases";
    this.hosts = hosts;
    this.leases = leases;
    this.signed = signed;
  }

  /** The directory whose maps are named after {@code prefix}, its entries signed by {@code signed}. */
  static Future<TypeDirectory> open(Vertx vertx, String prefix, SignedEntries signed) {
    Future<AsyncMap<String, String>> hosts = vertx.sharedData().getAsyncMap(prefix + ".hosts");
    Future<AsyncMap<String, String>> leases = vertx.sharedData().getAsyncMap(prefix + ".leases");
    return Future.all(hosts, leases).map(both -> new TypeDirectory(prefix, hosts.result(), leases.result(), signed));
  }

  Future<Void> addHost(String node) {
    return hosts.put(node, signed.sign(hostsName, node, HOST));
  }

  Future<Void> removeHost(String node) {
    return hosts.remove(node).mapEmpty();
  }

  /** The hosts now, with the leases' holders if {@code withHolders}; unsigned entries left out. */
  Future<Snapshot> read(boolean withHolders) {
    Future<Map<String, String>> entries = withHolders ? leases.entries() : Future.succeededFuture(Map.of());
    return Future.all(hosts.entries(), entries).map(both -> {
      Set<String> hostIds = both.<Map<String, String>>resultAt(0).entrySet().stream()
          .filter(entry -> HOST.equals(signed.open(hostsName, entry.getKey(), entry.getValue())))
          .map(Map.Entry::getKey).collect(Collectors.toSet());
      Map<Integer, String> holders = new HashMap<>();
      both.<Map<String, String>>resultAt(1).forEach((shard, stored) -> {
        String holder = signed.open(leasesName, shard, stored);
        if (holder != null) {
          holders.put(Integer.valueOf(shard), holder);
        }
      });
      return new Snapshot(hostIds, holders);
    });
  }

  /** Takes the lease of {@code shard} for {@code node}: completes with null if taken, else with its holder. */
  Future<String> take(int shard, String node) {
    String key = String.valueOf(shard);
    return signed.putIfAbsent(leases, leasesName, key, signed.sign(leasesName, key, node));
  }

  /** Takes the lease from {@code gone}, a node no longer in the cluster, as {@link #take} does. */
  Future<String> takeFrom(int shard, String gone, String node) {
    String key = String.valueOf(shard);
    return leases.get(key)
        .compose(stored -> stored != null && gone.equals(signed.open(leasesName, key, stored))
            ? leases.removeIfPresent(key, stored) : Future.succeededFuture(false))
        .compose(removed -> take(shard, node));
  }

  /** Gives back the lease of {@code shard}, if {@code node} holds it. */
  Future<Boolean> release(int shard, String node) {
    String key = String.valueOf(shard);
    return leases.removeIfPresent(key, signed.sign(leasesName, key, node));
  }
}
