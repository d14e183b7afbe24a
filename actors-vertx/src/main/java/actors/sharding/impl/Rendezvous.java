package actors.sharding.impl;

import java.util.Collection;
import java.util.List;

/**
 * Rendezvous (highest random weight) hashing of shards over nodes: each node scores each shard
 * by a hash of the pair, and the highest score owns it. Every node that sees the same members
 * computes the same owners with no message exchanged, and a join or leave moves only the shards
 * the node wins or held: about 1/N of them, the least any allocation can move.
 */
final class Rendezvous {

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

  /** The node that owns {@code shard}, or null when there is no node. */
  String ownerOf(int shard) {
    int best = -1;
    long bestScore = 0;
    long salt = (shard + 1) * GOLDEN;
    for (int i = 0; i < hashes.length; i++) {
      long score = mix(hashes[i] ^ salt);
      if (best < 0 || Long.compareUnsigned(score, bestScore) > 0) {
        best = i;
        bestScore = score;
      }
    }
    return best < 0 ? null : nodes.get(best);
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
