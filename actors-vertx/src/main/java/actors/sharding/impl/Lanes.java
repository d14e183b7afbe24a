package actors.sharding.impl;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Per shard, the way the messages of this node's senders went last (this node, or the node the
 * region passed them to), the change of way the region is making, and how many of the shard's
 * messages it has parked. While any is parked, the next ones park behind it. When the way
 * changes from another node to a third (or to this one), later messages of this node's senders
 * wait in the {@link Flush} until a {@link Barrier} sent the old way has reached the shard's
 * entities (or comes back here), so that none overtakes an earlier one still on the old way.
 * Messages from other regions are not held: each of them keeps its own senders' order. A
 * change away from this node needs no barrier: its entities stop, after their mailboxes,
 * before another node may take the shard. Used on the region's thread only.
 */
final class Lanes {

  /** A change of way in progress: messages wait in {@link #held} until barrier {@link #seq} passes. */
  static final class Flush {
    final long seq;
    final String via;
    final ArrayDeque<Waiting.Held> held = new ArrayDeque<>();

    Flush(long seq, String via) {
      this.seq = seq;
      this.via = via;
    }
  }

  private final String[] lastHop;
  private final Flush[] flushes;
  private final int[] parked;
  private long seq;

  Lanes(int numberOfShards) {
    this.lastHop = new String[numberOfShards];
    this.flushes = new Flush[numberOfShards];
    this.parked = new int[numberOfShards];
  }

  /** The node the region's last message for {@code shard} went to, or null if none is on its way. */
  String lastHop(int shard) {
    return lastHop[shard];
  }

  void lastHop(int shard, String node) {
    lastHop[shard] = node;
  }

  /** The change of way {@code shard} waits for, or null. */
  Flush flush(int shard) {
    return flushes[shard];
  }

  /** Starts a change of way for {@code shard}, whose earlier messages went to {@code via}. */
  Flush startFlush(int shard, String via) {
    Flush flush = new Flush(++seq, via);
    flushes[shard] = flush;
    return flush;
  }

  /**
   * Ends the change of way of {@code shard} if it is the one of barrier {@code seq}, and returns
   * it: its earlier messages are where the barrier went, so the next may go any way.
   */
  Flush endFlush(int shard, long seq) {
    Flush flush = flushes[shard];
    if (flush == null || flush.seq != seq) {
      return null;
    }
    flushes[shard] = null;
    lastHop[shard] = null;
    return flush;
  }

  boolean anyParked(int shard) {
    return parked[shard] > 0;
  }

  void parked(int shard) {
    parked[shard]++;
  }

  /** Every parked message is taken out to be routed again. */
  void unparkAll() {
    Arrays.fill(parked, 0);
  }

  int numberOfShards() {
    return flushes.length;
  }
}
