package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.EntityEnvelope;
import actors.internal.SystemServices;

import java.util.ArrayDeque;

/**
 * The messages a region holds in its queues (for shards on the move, entities being
 * passivated, owners not known yet), counted against the type's buffer size: what comes beyond
 * it, and what a stopping region still holds, goes to dead letters with the reason.
 */
final class Waiting {

  /**
   * A message with its sender, or a {@link Barrier} in line with the messages; {@code local}
   * when the message came from a sender on this node (not from another region), which this
   * region's {@link Lanes} keep in order.
   */
  record Held(EntityEnvelope envelope, ActorRef sender, Barrier barrier, boolean local) {

    static Held message(EntityEnvelope envelope, ActorRef sender, boolean local) {
      return new Held(envelope, sender, null, local);
    }

    static Held of(Barrier barrier) {
      return new Held(null, null, barrier, false);
    }

    /** The same, to be routed again by this region: one more chance to find its owner. */
    Held rerouted() {
      return barrier != null ? of(barrier.rerouted())
          : message(new EntityEnvelope(envelope.entityId(), envelope.message(), 0), sender, local);
    }

    int hops() {
      return barrier != null ? barrier.hops() : envelope.hops();
    }

    /** The shard it is for, of {@code numberOfShards}. */
    int shard(int numberOfShards) {
      return barrier != null ? barrier.shard() : Rendezvous.shardOf(envelope.entityId(), numberOfShards);
    }
  }

  private static final System.Logger LOG = System.getLogger("actors.sharding");

  private final RegionSettings settings;
  private final SystemServices system;
  private final String nodeId;
  private final int bound;
  private int count;

  Waiting(RegionSettings settings, SystemServices system, String nodeId) {
    this.settings = settings;
    this.system = system;
    this.nodeId = nodeId;
    this.bound = settings.options().getBufferSize();
  }

  /** Adds the message to {@code queue}, or makes it a dead letter when the region holds as many as it may. */
  /**
   * Adds {@code held} to {@code queue}, or, when the region holds as many as it may, makes its
   * message a dead letter (a barrier is dropped: its origin stops waiting for it after a time).
   */
  void add(ArrayDeque<Held> queue, Held held) {
    if (count >= bound) {
      String full = "the sharding buffer of " + settings.typeName() + " on node " + nodeId + " is full (" + bound
          + " messages wait for shards on the move)";
      if (held.barrier() == null) {
        deadLetter(held.envelope(), held.sender(), full);
      } else {
        LOG.log(System.Logger.Level.DEBUG, () -> "[" + system.name() + "] " + full + ": dropped " + held.barrier());
      }
      return;
    }
    count++;
    queue.add(held);
  }

  /** Takes every message out of {@code queue}, in order. */
  ArrayDeque<Held> takeAll(ArrayDeque<Held> queue) {
    ArrayDeque<Held> taken = new ArrayDeque<>(queue);
    count -= queue.size();
    queue.clear();
    return taken;
  }

  /** The region stops, or stands down: what {@code queue} holds becomes dead letters, for {@code reason}. */
  void dropAll(ArrayDeque<Held> queue, String reason) {
    for (Held next : takeAll(queue)) {
      refuse(next, reason);
    }
  }

  /** {@code held} becomes a dead letter for {@code reason}; a barrier is dropped (its origin stops waiting after a time). */
  void refuse(Held held, String reason) {
    if (held.barrier() == null) {
      deadLetter(held.envelope(), held.sender(), reason);
    }
  }

  /** Why the region of this node stopped. */
  String stopped() {
    return "the region of " + settings.typeName() + " on node " + nodeId + " stopped";
  }

  void deadLetter(EntityEnvelope envelope, ActorRef sender, String reason) {
    ActorRef region = system.findLocal("/user/" + settings.regionName());
    ActorRef recipient = region == null ? system.deadLetters() : new EntityRef(system, region, envelope.entityId());
    system.deadLetterOffice().publish(envelope.message(), sender, recipient, reason);
  }
}
