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

  Shard(int id) {
    this.id = id;
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
}
