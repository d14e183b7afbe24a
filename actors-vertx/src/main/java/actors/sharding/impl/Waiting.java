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

  /** A message held with its sender. */
  record Held(EntityEnvelope envelope, ActorRef sender) {
  }

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
  void add(ArrayDeque<Held> queue, EntityEnvelope envelope, ActorRef sender) {
    if (count >= bound) {
      deadLetter(envelope, sender, "the sharding buffer of " + settings.typeName() + " on node " + nodeId
          + " is full (" + bound + " messages wait for shards on the move)");
      return;
    }
    count++;
    queue.add(new Held(envelope, sender));
  }

  /** Takes every message out of {@code queue}, in order. */
  ArrayDeque<Held> takeAll(ArrayDeque<Held> queue) {
    ArrayDeque<Held> taken = new ArrayDeque<>(queue);
    count -= queue.size();
    queue.clear();
    return taken;
  }

  /** The region stops: what {@code queue} holds becomes dead letters. */
  void dropAll(ArrayDeque<Held> queue) {
    for (Held next : takeAll(queue)) {
      deadLetter(next.envelope(), next.sender(), "the region of " + settings.typeName() + " on node " + nodeId
          + " stopped");
    }
  }

  void deadLetter(EntityEnvelope envelope, ActorRef sender, String reason) {
    ActorRef region = system.findLocal("/user/" + settings.regionName());
    ActorRef recipient = region == null ? system.deadLetters() : new EntityRef(system, region, envelope.entityId());
    system.deadLetterOffice().publish(envelope.message(), sender, recipient, reason);
  }
}
