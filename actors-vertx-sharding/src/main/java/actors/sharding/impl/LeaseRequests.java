package actors.sharding.impl;

import actors.ActorRef;
import actors.TimerScheduler;
import actors.internal.Ownership;
import actors.sharding.impl.RegionMessages.LeaseAnswer;
import actors.sharding.impl.RegionMessages.RetryLease;
import actors.sharding.impl.RegionMessages.UnusedReleased;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * How a region asks for its shards' leases: only while this node may host and a quorum was
 * reached in the members' present view ({@link Ownership#mayAcquire}),
 * and from a holder the cluster manager reports gone only once a quorum confirmed it gone and
 * its right to host has run out, whichever side of a split it is on. The answers come to the
 * region as {@link LeaseAnswer}s. A lease this node holds without running its shard (a split
 * left it) it gives back when asked ({@link #releaseUnused}), and asks for none of that shard meanwhile.
 */
final class LeaseRequests {

  private static final System.Logger LOG = System.getLogger("actors.sharding");

  private final TypeDirectory directory;
  private final Ownership ownership;
  private final String nodeId;
  private final ActorRef region;
  private final TimerScheduler timers;
  private final String type; // the type's name after its system's, for the log
  private final Set<Integer> releasing = new HashSet<>(); // shards whose unused lease is being given back

  LeaseRequests(TypeDirectory directory, Ownership ownership, String nodeId, ActorRef region, TimerScheduler timers,
                String type) {
    this.directory = directory;
    this.ownership = ownership;
    this.nodeId = nodeId;
    this.region = region;
    this.timers = timers;
    this.type = type;
  }

  /**
   * Asks for {@code shard}'s lease, unless this node may not take one now ({@link Ownership#mayAcquire}:
   * the next tick, or the right regained, asks again).
   */
  void request(Shard shard) {
    if (ownership.mayAcquire() && !releasing.contains(shard.id)) {
      shard.leaseRequested = true;
      directory.take(shard.id, nodeId).onComplete(put -> answer(shard.id, put));
    }
  }

  /** Asks again for the lease of {@code shard} (null: none), if it is still wanted and no request is out. */
  void retry(Shard shard) {
    if (shard != null && shard.state == Shard.State.ACQUIRING && !shard.leaseRequested) {
      request(shard);
    }
  }

  /**
   * {@code asker} would take {@code shard}, whose lease this node may hold: given back if
   * {@code unused} (this node neither runs the shard nor owns it; a split left the lease behind,
   * and nothing else would ever give it back). No request for the shard goes out meanwhile.
   */
  void releaseUnused(int shard, boolean unused, ActorRef asker) {
    if (unused && releasing.add(shard)) {
      directory.release(shard, nodeId).onComplete(removed -> region.tell(
          new UnusedReleased(shard, removed.succeeded() && removed.result(), asker)));
    }
  }

  /** An unused lease was given back (or was not held): {@code shard} (null: none here) may ask again, the asker may take it. */
  void unusedReleased(UnusedReleased done, Shard shard) {
    releasing.remove(done.shard());
    retry(shard);
    if (done.removed()) {
      LOG.log(System.Logger.Level.INFO, () -> type + ": gave back the lease of shard " + done.shard()
          + ", which this node held without running the shard (left by a split)");
      done.asker().tell(new RegionControl.Released(done.shard()).toJson(), region);
    }
  }

  /** Takes {@code shard}'s lease from {@code gone} when allowed now, else asks again when it may be; whether it asked. */
  boolean takeFrom(Shard shard, String gone) {
    long delay = ownership.takeOverDelayMillis(gone);
    if (delay == 0) {
      shard.leaseRequested = true;
      directory.takeFrom(shard.id, gone, nodeId).onComplete(put -> answer(shard.id, put));
      return true;
    }
    if (delay > 0) {
      timers.startSingleTimer(new RetryLease(shard.id), new RetryLease(shard.id), Duration.ofMillis(delay));
    }
    return false;
  }

  /** Tells the region how the request for {@code shard}'s lease ended; a failure is logged, and asked again at the next tick. */
  private void answer(int shard, io.vertx.core.AsyncResult<String> put) {
    if (put.failed()) {
      LOG.log(System.Logger.Level.DEBUG, () -> type + ": taking the lease of shard " + shard + " failed; trying again",
          put.cause());
    }
    region.tell(new LeaseAnswer(shard, put.result(), put.cause()));
  }
}
