package actors.sharding.impl;

import actors.ActorRef;
import actors.TimerScheduler;
import actors.internal.Ownership;
import actors.sharding.impl.RegionMessages.LeaseAnswer;
import actors.sharding.impl.RegionMessages.RetryLease;

import java.time.Duration;

/**
 * How a region asks for its shards' leases: only while this node may host ({@link Ownership}),
 * and from a holder the cluster manager reports gone only once a quorum confirmed it gone and
 * its right to host has run out, whichever side of a split it is on. The answers come to the
 * region as {@link LeaseAnswer}s.
 */
final class LeaseRequests {

  private final TypeDirectory directory;
  private final Ownership ownership;
  private final String nodeId;
  private final ActorRef region;
  private final TimerScheduler timers;

  LeaseRequests(TypeDirectory directory, Ownership ownership, String nodeId, ActorRef region, TimerScheduler timers) {
    this.directory = directory;
    this.ownership = ownership;
    this.nodeId = nodeId;
    this.region = region;
    this.timers = timers;
  }

  /** Asks for {@code shard}'s lease, unless this node may not host now (the next tick, or the right regained, asks again). */
  void request(Shard shard) {
    if (ownership.mayHost()) {
      shard.leaseRequested = true;
      directory.take(shard.id, nodeId).onComplete(put -> region.tell(new LeaseAnswer(shard.id, put.result(), put.cause())));
    }
  }

  /** Asks again for the lease of {@code shard} (null: none), if it is still wanted and no request is out. */
  void retry(Shard shard) {
    if (shard != null && shard.state == Shard.State.ACQUIRING && !shard.leaseRequested) {
      request(shard);
    }
  }

  /** Takes {@code shard}'s lease from {@code gone} when allowed now, else asks again when it may be; whether it asked. */
  boolean takeFrom(Shard shard, String gone) {
    long delay = ownership.takeOverDelayMillis(gone);
    if (delay == 0) {
      shard.leaseRequested = true;
      directory.takeFrom(shard.id, gone, nodeId).onComplete(put -> region.tell(new LeaseAnswer(shard.id, put.result(), put.cause())));
      return true;
    }
    if (delay > 0) {
      timers.startSingleTimer(new RetryLease(shard.id), new RetryLease(shard.id), Duration.ofMillis(delay));
    }
    return false;
  }
}
