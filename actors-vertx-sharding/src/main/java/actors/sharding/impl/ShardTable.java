package actors.sharding.impl;

import java.util.ArrayList;
import java.util.List;

/** The shards a region owns, takes over or hands off, by id: an array, so that routing boxes nothing. */
final class ShardTable {

  private final Shard[] shards;
  private int size;

  ShardTable(int numberOfShards) {
    this.shards = new Shard[numberOfShards];
  }

  Shard get(int id) {
    return shards[id];
  }

  void put(Shard shard) {
    if (shards[shard.id] == null) {
      size++;
    }
    shards[shard.id] = shard;
  }

  void remove(int id) {
    if (shards[id] != null) {
      size--;
      shards[id] = null;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** A copy of the shards present, which the caller may change the table while it walks. */
  List<Shard> all() {
    List<Shard> all = new ArrayList<>(size);
    for (Shard shard : shards) {
      if (shard != null) {
        all.add(shard);
      }
    }
    return all;
  }
}
