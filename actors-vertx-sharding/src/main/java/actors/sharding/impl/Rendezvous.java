package actors.sharding.impl;

import java.util.Collection;
import java.util.List;

/**
 * Rendezvous (highest random weight) hashing of shards over nodes, with bounded loads: each
 * node scores each shard by a hash of the pair, and each shard, in shard order, goes to its
 * highest-scoring node that holds fewer than 1.25 times the mean. Every node that sees the same
 * members computes the same owners with no message exchanged; a join or leave moves little more
 * than the 1/N of shards that must move, and no node holds more than 1.25 times the mean (plain
 * rendezvous hashing gives one node twice the mean at 100 nodes and 1,000 shards).
 */
final class Rendezvous {

  /** How far above the mean a node's share may go. */
  static final double LOAD_BOUND = 1.25;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final List<String> nodes;
  private final long[] hashes;

  /** Over {@code nodes}, the same owners whatever their order. */
  Rendezvous(Collection<String> nodes) {
    this.nodes = nodes.stream().sorted().toList();
    this.hashes = this.nodes.stream().mapToLong(Rendezvous::hash).toArray();
  }

  List<String> nodes() {
    return nodes;
  }

  /** The owner of each of {@code shards} shards; all null when there is no node. */
  String[] allocate(int shards) {
    String[] owners = new String[shards];
    if (nodes.isEmpty()) {
      return owners;
    }
    int capacity = (int) Math.ceil((double) shards / nodes.size() * LOAD_BOUND);
    int[] load = new int[nodes.size()];
    for (int shard = 0; shard < shards; shard++) {
      int best = -1;
      long bestScore = 0;
      for (int i = 0; i < hashes.length; i++) {
        long score = score(hashes[i], shard);
        if (load[i] < capacity && (best < 0 || Long.compareUnsigned(score, bestScore) > 0)) {
          best = i;
          bestScore = score;
        }
      }
      load[best]++;
      owners[shard] = nodes.get(best);
    }
    return owners;
  }

  /** The score of the node with hash {@code nodeHash} for {@code shard}: the highest wins. */
  static long score(long nodeHash, int shard) {
    return mix(nodeHash ^ ((shard + 1) * GOLDEN));
  }

  /** The shard of {@code entityId} among {@code shards}: the same on every node and JVM. */
  static int shardOf(String entityId, int shards) {
    return (int) Long.remainderUnsigned(mix(entityId.hashCode()), shards);
  }

  /** 64-bit FNV-1a of the characters, then mixed. */
  static long hash(String value) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      hash ^= value.charAt(i);
      hash *= 0x100000001b3L;
    }
    return mix(hash);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit moves every output bit. */
  static long mix(long value) {
    value ^= value >>> 33;
    value *= 0xff51afd7ed558ccdL;
    value ^= value >>> 33;
    value *= 0xc4ceb93fe53e1a4fL;
    return value ^ (value >>> 33);
  }
}
