package actors.sharding.impl;

import io.vertx.core.json.JsonObject;

/**
 * A marker that a region sends along the way its earlier messages for a shard went, when it
 * starts sending that shard's messages another way: it travels behind them through every queue
 * they wait in, and the region that delivers the shard's messages to its entities answers
 * {@code origin} once it gets there. Until then {@code origin} holds its later messages, so none
 * overtakes an earlier one on the old way. It crosses the wire as JSON.
 */
record Barrier(int shard, String origin, long seq, int hops) {

  private static final String BARRIER = "barrier";
  private static final String PASSED = "barrierPassed";

  /** The same barrier, one more node on. */
  Barrier passedOn() {
    return new Barrier(shard, origin, seq, hops + 1);
  }

  Barrier rerouted() {
    return new Barrier(shard, origin, seq, 0);
  }

  JsonObject toJson() {
    return new JsonObject().put(BARRIER, shard).put("origin", origin).put("seq", seq).put("hops", hops);
  }

  /** The answer to {@link #origin}: this barrier reached the entities of its shard. */
  JsonObject passed() {
    return new JsonObject().put(PASSED, shard).put("seq", seq);
  }

  /** The barrier in {@code json}, or null if it is not one (or names no shard below {@code numberOfShards}). */
  static Barrier from(JsonObject json, int numberOfShards) {
    if (json.getValue(BARRIER) instanceof Integer shard && shard >= 0 && shard < numberOfShards
        && json.getValue("origin") instanceof String origin && json.getValue("seq") instanceof Number seq
        && json.getValue("hops") instanceof Integer hops) {
      return new Barrier(shard, origin, seq.longValue(), hops);
    }
    return null;
  }

  /** The answer that barrier {@code seq} of {@code shard} reached its entities. */
  record Passed(int shard, long seq) {
  }

  /** The answer in {@code json}, or null if it is not one. */
  static Passed passedFrom(JsonObject json, int numberOfShards) {
    if (json.getValue(PASSED) instanceof Integer shard && shard >= 0 && shard < numberOfShards
        && json.getValue("seq") instanceof Number seq) {
      return new Passed(shard, seq.longValue());
    }
    return null;
  }
}
