package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.SystemServices;
import io.vertx.core.json.JsonObject;

/**
 * What regions of one type send each other, as JSON (it crosses the wire natively): a released
 * shard, a lease to give back, a host that joined, a {@link Barrier} and its answer. {@link #read} turns what comes
 * into these records, and anything else, or a shard out of range, into null; the region takes
 * a released shard, a lease to give back or a joined host only from a member of the cluster ({@link #nodeOf} its sender).
 */
final class RegionControl {

  private static final String RELEASED = "shardReleased";
  private static final String RELEASE_UNUSED = "releaseUnusedShard";
  // A host that started asks the others to confirm they see it; they answer once they do.
  private static final String JOINED = "hostJoined";

  private RegionControl() {
  }

  /** The sender released {@code shard}: its new owner may take the lease now. */
  record Released(int shard) {
    JsonObject toJson() {
      return new JsonObject().put(RELEASED, shard);
    }
  }

  /**
   * The sender would take {@code shard}, whose lease the receiver holds: the receiver gives it
   * back if it does not run the shard and does not own it (a lease left over from a split).
   */
  record ReleaseUnused(int shard) {
    JsonObject toJson() {
      return new JsonObject().put(RELEASE_UNUSED, shard);
    }
  }

  /** Host {@code node} joined and asks to be told once this region sees it. */
  record Joined(String node) {
    JsonObject toJson() {
      return new JsonObject().put(JOINED, node);
    }
  }

  /** The node of {@code sender}, or "" if it has none (no sender, or one of no node). */
  static String nodeOf(SystemServices system, ActorRef sender) {
    try {
      String address = sender == null ? "" : system.addressOf(sender);
      return address.substring(0, Math.max(0, address.indexOf('/')));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * A {@link Released}, {@link ReleaseUnused}, {@link Joined}, {@link Barrier} or {@link Barrier.Passed};
   * null if {@code json} is none of them.
   */
  static Object read(JsonObject json, int numberOfShards) {
    Barrier barrier = Barrier.from(json, numberOfShards);
    if (barrier != null) {
      return barrier;
    }
    Barrier.Passed passed = Barrier.passedFrom(json, numberOfShards);
    if (passed != null) {
      return passed;
    }
    if (json.getValue(RELEASED) instanceof Integer shard && shard >= 0 && shard < numberOfShards) {
      return new Released(shard);
    }
    if (json.getValue(RELEASE_UNUSED) instanceof Integer shard && shard >= 0 && shard < numberOfShards) {
      return new ReleaseUnused(shard);
    }
    return json.getValue(JOINED) instanceof String node ? new Joined(node) : null;
  }
}
