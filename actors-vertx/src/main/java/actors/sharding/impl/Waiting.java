package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.EntityEnvelope;

import java.util.ArrayDeque;

/**
 * The count of the messages a region holds in its queues (for shards on the move, entities
 * being passivated, owners not known yet), against the bound of the type's buffer size.
 */
final class Waiting {

  /** A message held with its sender. */
  record Held(EntityEnvelope envelope, ActorRef sender) {
  }

  private final int bound;
  private int count;

  Waiting(int bound) {
    this.bound = bound;
  }

  /** Adds the message to {@code queue}, or returns false when the region holds as many as it may. */
  boolean add(ArrayDeque<Held> queue, EntityEnvelope envelope, ActorRef sender) {
    if (count >= bound) {
      return false;
    }
    count++;
    queue.add(new Held(envelope, sender));
    return true;
  }

  /** Takes every message out of {@code queue}, in order. */
  ArrayDeque<Held> takeAll(ArrayDeque<Held> queue) {
    ArrayDeque<Held> taken = new ArrayDeque<>(queue);
    count -= queue.size();
    queue.clear();
    return taken;
  }

  int bound() {
    return bound;
  }
}
