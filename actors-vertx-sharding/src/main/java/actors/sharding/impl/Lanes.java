package actors.sharding.impl;

import actors.TimerScheduler;
import actors.internal.RemoteProvider;
import actors.sharding.impl.RegionMessages.FlushTimedOut;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * What keeps a region's messages for each shard in line. Per shard: how many it has parked
 * (while any is, the next ones park behind it), the way the messages of this node's senders
 * went last (this node, or the node the region passed them to), and the change of way in
 * progress. When the way changes from another node to a third (or to this one), a
 * {@link Barrier} goes the old way, and later messages of this node's senders wait in the
 * {@link Flush} until it has reached the shard's entities (or come back here), so that none
 * overtakes an earlier one still on the old way. Messages from other regions are not held:
 * each of them keeps its own senders' order. A change away from this node needs no barrier:
 * its entities stop, after their mailboxes, before another node may take the shard. Used on
 * the region's thread only.
 */
final class Lanes {

  private static final System.Logger LOG = System.getLogger("actors.sharding");

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

  private final String nodeId;
  private final RemoteProvider provider;
  private final Waiting waiting;
  private final TimerScheduler timers;
  private final Duration flushTimeout;
  // Sends a barrier to the region of a node.
  private final BiConsumer<String, Barrier> sendBarrier;
  private final ArrayDeque<Waiting.Held> parked = new ArrayDeque<>();
  private final int[] parkedPerShard;
  private final String[] lastHop;
  private final Flush[] flushes;
  private long seq;

  Lanes(int numberOfShards, String nodeId, RemoteProvider provider, Waiting waiting, TimerScheduler timers,
        Duration flushTimeout, BiConsumer<String, Barrier> sendBarrier) {
    this.nodeId = nodeId;
    this.provider = provider;
    this.waiting = waiting;
    this.timers = timers;
    this.flushTimeout = flushTimeout;
    this.sendBarrier = sendBarrier;
    this.parkedPerShard = new int[numberOfShards];
    this.lastHop = new String[numberOfShards];
    this.flushes = new Flush[numberOfShards];
  }

  /** Holds {@code item} if it is from this node's senders and its shard's way is changing; false if it may go on. */
  boolean holdIfFlushing(int shard, Waiting.Held item) {
    Flush flush = flushes[shard];
    if (flush == null || !item.local()) {
      return false;
    }
    waiting.add(flush.held, item);
    return true;
  }

  /**
   * Whether {@code item} may go to {@code hop} now. Not if it is from this node's senders and
   * the last of theirs went to another node that is still there: then a barrier goes that way,
   * and {@code item} and the next ones wait ({@link #holdIfFlushing}) until it passes (or that
   * node leaves, or the flush timeout passes).
   */
  boolean mayGo(int shard, String hop, Waiting.Held item) {
    if (!item.local()) {
      return true;
    }
    String last = lastHop[shard];
    if (last != null && !last.equals(hop) && !last.equals(nodeId) && provider.isMember(last)) {
      Flush flush = new Flush(++seq, last);
      flushes[shard] = flush;
      sendBarrier.accept(last, new Barrier(shard, nodeId, flush.seq, 1));
      FlushTimedOut timedOut = new FlushTimedOut(shard, flush.seq);
      timers.startSingleTimer(timedOut, timedOut, flushTimeout);
      waiting.add(flush.held, item);
      return false;
    }
    lastHop[shard] = hop;
    return true;
  }

  /**
   * Barrier {@code seq} of {@code shard} passed (or will not): returns what waited for it, to
   * go on in order, or an empty queue if that barrier is not the one the shard waits for.
   */
  ArrayDeque<Waiting.Held> passed(int shard, long seq) {
    Flush flush = flushes[shard];
    if (flush == null || flush.seq != seq) {
      return new ArrayDeque<>();
    }
    flushes[shard] = null;
    lastHop[shard] = null; // the earlier messages are where the barrier went: the next may go any way
    timers.cancel(new FlushTimedOut(shard, seq));
    return flush.held;
  }

  /** The flush of {@code timedOut} waited too long: what it held goes on. */
  ArrayDeque<Waiting.Held> timedOut(FlushTimedOut timedOut, String typeName) {
    LOG.log(System.Logger.Level.DEBUG, () -> "the barrier of shard " + timedOut.shard() + " of " + typeName
        + " did not pass within " + flushTimeout.toMillis() + " ms; sending on");
    return passed(timedOut.shard(), timedOut.seq());
  }

  /** The flushes whose barrier went to a node that has left: it will not come back; what they held goes on. */
  ArrayDeque<Waiting.Held> passedThroughLostNodes() {
    ArrayDeque<Waiting.Held> released = new ArrayDeque<>();
    for (int shard = 0; shard < flushes.length; shard++) {
      Flush flush = flushes[shard];
      if (flush != null && !provider.isMember(flush.via)) {
        released.addAll(passed(shard, flush.seq));
      }
    }
    return released;
  }

  boolean anyParked(int shard) {
    return parkedPerShard[shard] > 0;
  }

  void park(int shard, Waiting.Held item) {
    parkedPerShard[shard]++;
    waiting.add(parked, item);
  }

  /** Every parked item, in order, to be routed again. */
  ArrayDeque<Waiting.Held> unparkAll() {
    if (!parked.isEmpty()) {
      Arrays.fill(parkedPerShard, 0);
    }
    return parked;
  }

  /** The region stops: what its lanes hold becomes dead letters. */
  void dropAll(String reason) {
    waiting.dropAll(parked, reason);
    for (Flush flush : flushes) {
      if (flush != null) {
        waiting.dropAll(flush.held, reason);
      }
    }
  }
}
