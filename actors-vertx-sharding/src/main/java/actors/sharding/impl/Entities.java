package actors.sharding.impl;

import actors.ActorContext;
import actors.ActorRef;
import actors.Props;
import actors.TimerScheduler;
import actors.internal.EntityEnvelope;
import actors.internal.LogText;
import actors.internal.SystemServices;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The entities a region runs, as its children named by their ids: started on their first
 * message, passivated when idle, and started again for what came while they stopped. Used on
 * the region's own thread only.
 */
final class Entities {

  private static final System.Logger LOG = System.getLogger("actors.sharding");
  // Passivation is checked this often per passivateAfter: an idle entity stops within 1.25 times it.
  static final int PASSIVATION_TICKS = 4;

  private final ActorContext context;
  private final RegionSettings settings;
  private final SystemServices system;
  private final Waiting waiting;
  // Answers a barrier that reached the entities.
  private final Consumer<Barrier> passed;
  private long tick;
  private long lastStartFailureLogged = System.nanoTime() - 2_000_000_000L;

  Entities(ActorContext context, RegionSettings settings, SystemServices system, Waiting waiting,
           Consumer<Barrier> passed) {
    this.context = context;
    this.settings = settings;
    this.system = system;
    this.waiting = waiting;
    this.passed = passed;
  }

  /**
   * Gives the message to its entity in {@code shard}, an active one, starting it if need be;
   * a barrier is answered, once no entity holds messages for its next incarnation.
   */
  void deliver(Shard shard, Waiting.Held message) {
    if (message.barrier() != null) {
      if (shard.anyEntityWaiting()) {
        waiting.add(shard.barriers, message);
      } else {
        passed.accept(message.barrier());
      }
      return;
    }
    EntityEnvelope envelope = message.envelope();
    ActorRef sender = message.sender();
    Shard.Entity entity = shard.entities.get(envelope.entityId());
    if (entity == null && settings.sticky() && !envelope.entityId().equals(settings.typeName())) {
      waiting.deadLetter(envelope, sender, "the region of singleton " + settings.typeName() + " runs that singleton only");
      return;
    }
    if (entity == null) {
      entity = start(shard, envelope.entityId());
      if (entity == null) {
        waiting.deadLetter(envelope, sender, "the entity could not be started (see the log of actors.sharding)");
        return;
      }
    }
    if (entity.stopping) {
      if (entity.waiting == null) {
        entity.waiting = new ArrayDeque<>();
      }
      waiting.add(entity.waiting, message);
    } else {
      entity.lastTick = tick;
      entity.ref.tell(envelope.message(), sender);
    }
  }

  /** Starts entity {@code entityId} of {@code shard}, an active one, unless it runs; null if it cannot be started. */
  Shard.Entity start(Shard shard, String entityId) {
    Shard.Entity running = shard.entities.get(entityId);
    if (running != null) {
      return running;
    }
    ActorRef ref;
    try {
      Props props = settings.entityProps().apply(entityId);
      ref = context.actorOf(props, EntityNames.encode(entityId));
    } catch (RuntimeException e) {
      // The id may come from anywhere: quoted, cut, and logged at most once a second.
      long now = System.nanoTime();
      if (now - lastStartFailureLogged > 1_000_000_000L) {
        lastStartFailureLogged = now;
        LOG.log(System.Logger.Level.WARNING, "[" + system.name() + "] entity " + LogText.quote(entityId) + " of "
            + settings.typeName() + " could not be started (failures of the next second are not logged)", e);
      }
      return null;
    }
    context.watch(ref);
    Shard.Entity entity = new Shard.Entity(ref, tick);
    shard.entities.put(entityId, entity);
    return entity;
  }

  /**
   * The entity {@code ref} stopped: in an active shard, what came for it meanwhile starts its
   * next incarnation, in order (a shard handed off moved it to its buffer already). Returns its
   * shard, or null if it was not one of these entities.
   */
  Shard stopped(ActorRef ref, ShardTable shards) {
    String entityId = EntityNames.decode(ref.path().substring(ref.path().lastIndexOf('/') + 1));
    Shard shard = shards.get(Rendezvous.shardOf(entityId, settings.numberOfShards()));
    Shard.Entity entity = shard == null ? null : shard.entities.get(entityId);
    if (entity == null || !entity.ref.equals(ref)) {
      return null;
    }
    shard.entities.remove(entityId);
    if (entity.waiting != null && shard.state == Shard.State.ACTIVE) {
      waiting.takeAll(entity.waiting).forEach(next -> deliver(shard, next));
      if (!shard.barriers.isEmpty() && !shard.anyEntityWaiting()) {
        waiting.takeAll(shard.barriers).forEach(barrier -> passed.accept(barrier.barrier()));
      }
    }
    return shard;
  }

  /** Entity {@code ref} asked to be passivated; nothing if it is not one of these entities. */
  void passivate(ActorRef ref, ShardTable shards) {
    if (ref == null) {
      return;
    }
    String entityId = EntityNames.decode(ref.path().substring(ref.path().lastIndexOf('/') + 1));
    Shard shard = shards.get(Rendezvous.shardOf(entityId, settings.numberOfShards()));
    if (shard != null && shard.state == Shard.State.ACTIVE) {
      shard.stopEntities(entity -> entity.ref.equals(ref));
    }
  }

  /**
   * Sends {@code tick} every {@link #PASSIVATION_TICKS}th of the passivation time, unless
   * passivation is off or the region does not host.
   */
  void startPassivationTicks(TimerScheduler timers, Object tick) {
    Duration passivateAfter = settings.options().getPassivateAfter();
    if (!passivateAfter.isZero() && settings.hosting()) {
      Duration every = passivateAfter.dividedBy(PASSIVATION_TICKS);
      timers.startTimerWithFixedDelay(tick, tick, every.isZero() ? Duration.ofMillis(1) : every);
    }
  }

  /** One passivation tick: the entities idle for more than {@link #PASSIVATION_TICKS} ticks stop. */
  void passivateIdle(Collection<Shard> shards) {
    tick++;
    shards.stream().filter(shard -> shard.state == Shard.State.ACTIVE)
        .forEach(shard -> shard.stopEntities(entity -> tick - entity.lastTick > PASSIVATION_TICKS));
  }
}
