package actors.sharding.impl;

import actors.internal.RemoteProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which node should own each shard, as one region sees it: bounded-load rendezvous hashing
 * over the live hosts of the type, or, for a singleton, the node that holds it while that node
 * lives and hosts it. Owners are computed once per view, so routing a message costs an array
 * read.
 */
final class OwnerView {

  private final RemoteProvider provider;
  private final boolean sticky;
  private final int numberOfShards;
  private Rendezvous hosts;
  private String[] owners;
  private Map<Integer, String> holders = new HashMap<>();

  OwnerView(RemoteProvider provider, boolean sticky, int numberOfShards) {
    this.provider = provider;
    this.sticky = sticky;
    this.numberOfShards = numberOfShards;
  }

  /** Whether a view was read yet: until then no owner is known. */
  boolean known() {
    return hosts != null;
  }

  /** Whether {@code node} is one of the hosts in this view. */
  boolean includes(String node) {
    return hosts != null && hosts.nodes().contains(node);
  }

  /** The hosts in this view. */
  List<String> hosts() {
    return hosts == null ? List.of() : hosts.nodes();
  }

  int numberOfShards() {
    return numberOfShards;
  }

  /** Takes these live hosts and holders; returns whether the owners may have changed. */
  boolean update(Set<String> liveHosts, Map<Integer, String> newHolders) {
    boolean changed = hosts == null || !hosts.nodes().equals(liveHosts.stream().sorted().toList())
        || (sticky && !newHolders.equals(holders));
    if (changed) {
      hosts = new Rendezvous(liveHosts);
      owners = hosts.allocate(numberOfShards);
      holders = new HashMap<>(newHolders);
    }
    return changed;
  }

  /** The node that should own {@code shard}, or null when no node hosts the type. */
  String ownerOf(int shard) {
    if (hosts == null) {
      return null;
    }
    if (sticky) {
      String holder = holders.get(shard);
      if (holder != null && provider.isMember(holder) && hosts.nodes().contains(holder)) {
        return holder;
      }
    }
    return owners[shard];
  }

  /** For a singleton: {@code holder} holds {@code shard} now, or nobody if null. */
  void holder(int shard, String holder) {
    if (sticky) {
      if (holder == null) {
        holders.remove(shard);
      } else {
        holders.put(shard, holder);
      }
    }
  }
}
