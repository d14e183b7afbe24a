package actors.sharding.impl;

import actors.ActorRef;
import actors.internal.StopWhenDone;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A shard a region owns, is taking over or hands off: its running entities and what waits for it. */
final class Shard {

  enum State { ACQUIRING, ACTIVE, HANDING_OFF }

  /** An entity the region runs. */
  static final class Entity {
    final ActorRef ref;
    long lastTick;
    boolean stopping;
    // Messages that came while it was stopping: they start its next incarnation.
    ArrayDeque<Waiting.Held> waiting;

    Entity(ActorRef ref, long tick) {
      this.ref = ref;
      this.lastTick = tick;
    }
  }

  final int id;
  State state = State.ACQUIRING;
  boolean leaseRequested;
  final Map<String, Entity> entities = new HashMap<>();
  final ArrayDeque<Waiting.Held> buffer = new ArrayDeque<>();
  // Barriers that came while entities held messages of their next incarnation: they pass after them.
  final ArrayDeque<Waiting.Held> barriers = new ArrayDeque<>();

  Shard(int id) {
    this.id = id;
  }

  /** Whether an entity holds messages for its next incarnation. */
  boolean anyEntityWaiting() {
    for (Entity entity : entities.values()) {
      if (entity.waiting != null && !entity.waiting.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The shard is handed off: what its entities hold for their next incarnations, and the
   * barriers behind it, wait in its buffer for the new owner, ahead of what comes next.
   */
  void holdWaitingForNewOwner() {
    for (Entity entity : entities.values()) {
      if (entity.waiting != null) {
        buffer.addAll(entity.waiting);
        entity.waiting = null;
      }
    }
    buffer.addAll(barriers);
    barriers.clear();
  }

  /**
   * Tells the entities that {@code match} to stop after the messages in their mailboxes and
   * their stashes (passivation, hand-off); from then on what comes for them waits for their next
   * incarnation.
   */
  void stopEntities(Predicate<Entity> match) {
    for (Entity entity : entities.values()) {
      if (!entity.stopping && match.test(entity)) {
        entity.stopping = true;
        entity.ref.tell(StopWhenDone.INSTANCE);
      }
    }
  }

  /** What the shard holds becomes dead letters for {@code reason}: its region stops, or stands down. */
  void dropAll(Waiting waiting, String reason) {
    waiting.dropAll(buffer, reason);
    waiting.dropAll(barriers, reason);
    entities.values().stream().filter(entity -> entity.waiting != null)
        .forEach(entity -> waiting.dropAll(entity.waiting, reason));
  }
}
