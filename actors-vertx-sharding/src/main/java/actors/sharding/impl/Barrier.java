package actors.sharding.impl;

import actors.internal.EntityEnvelope;
import io.vertx.core.json.JsonObject;

/**
 * A marker that a region sends along the way its earlier messages for a shard went, when it
 * starts sending that shard's messages another way: it travels behind them through every queue
 * they wait in, and the region that delivers the shard's messages to its entities answers
 * {@code origin} once it gets there. Until then {@code origin} holds its later messages, so none
 * overtakes an earlier one on the old way. It crosses the wire as JSON in an entity envelope
 * with an empty entity id (no entity has one), which any region takes, in untrusted mode too.
 */
record Barrier(int shard, String origin, long seq, int hops) {

  private static final String BARRIER = "barrier";
  private static final String PASSED = "barrierPassed";
  private static final String NO_ENTITY = "";

  /** The same barrier, one more node on. */
  Barrier passedOn() {
    return new Barrier(shard, origin, seq, hops + 1);
  }

  Barrier rerouted() {
    return new Barrier(shard, origin, seq, 0);
  }

  EntityEnvelope toEnvelope() {
    return new EntityEnvelope(NO_ENTITY, new JsonObject().put(BARRIER, shard).put("origin", origin).put("seq", seq)
        .put("hops", hops), 0);
  }

  /** The answer to {@link #origin}: this barrier reached the entities of its shard. */
  EntityEnvelope passed() {
    return new EntityEnvelope(NO_ENTITY, new JsonObject().put(PASSED, shard).put("seq", seq), 0);
  }

  /** Whether {@code envelope} carries a barrier or its answer rather than a message for an entity. */
  static boolean carriedBy(EntityEnvelope envelope) {
    return envelope.entityId().equals(NO_ENTITY);
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
