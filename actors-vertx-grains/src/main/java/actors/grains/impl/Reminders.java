package actors.grains.impl;

import actors.ActorRef;
import actors.Props;
import actors.grains.GrainOptions;
import actors.sharding.ShardingOptions;
import io.vertx.core.Future;

import java.time.Duration;

/**
 * The reminders and remembered ids of one grain type, kept by {@value #BUCKETS} buckets: sharded
 * persistent entities of their own type ({@code $reminders.<type>}), so that each bucket runs
 * once in the cluster, wherever its shard lives. The hosts of the type wake every bucket when
 * they start and every {@link #WAKE_INTERVAL}, so that buckets run again after their shard moved,
 * their node died or the whole cluster restarted; a bucket that starts schedules its reminders
 * and wakes its remembered grains.
 */
final class Reminders {

  static final int BUCKETS = 16;
  static final Duration WAKE_INTERVAL = Duration.ofSeconds(5);

  private final GrainRuntime runtime;
  private final GrainType type;
  private final GrainOptions options;
  private final String bucketType;

  Reminders(GrainRuntime runtime, GrainType type, GrainOptions options) {
    this.runtime = runtime;
    this.type = type;
    this.options = options;
    this.bucketType = "$reminders." + type.typeName();
  }

  private boolean used() {
    return options.hasReminders() || options.isRemembered();
  }

  /** On a host: starts the buckets' type and wakes the buckets now and every {@link #WAKE_INTERVAL}. */
  Future<Void> host() {
    if (!used()) {
      return Future.succeededFuture();
    }
    ShardingOptions buckets = new ShardingOptions().setNumberOfShards(BUCKETS).setPassivateAfter(Duration.ZERO);
    return runtime.sharding().start(bucketType, bucket -> Props.create(ReminderBucket.class,
            () -> new ReminderBucket(this, type, bucket)), buckets)
        .onSuccess(started -> {
          wakeAll();
          long timer = runtime.system().vertx().setPeriodic(WAKE_INTERVAL.toMillis(), tick -> wakeAll());
          runtime.system().whenTerminated().onComplete(terminated -> runtime.system().vertx().cancelTimer(timer));
        });
  }

  private void wakeAll() {
    if (runtime.system().isTerminated()) {
      return;
    }
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      runtime.sharding().entityRef(bucketType, Integer.toString(bucket)).tell(new Wake());
    }
  }

  Future<Void> register(String grainId, String name, Duration period) {
    return ask(grainId, new ReminderBucket.Reminder(grainId, name, period.toMillis(), System.currentTimeMillis() + period.toMillis()));
  }

  Future<Void> unregister(String grainId, String name) {
    return ask(grainId, new ReminderBucket.Cancelled(grainId, name));
  }

  void remember(String grainId) {
    bucket(grainId).tell(new ReminderBucket.Remember(grainId));
  }

  void forget(String grainId) {
    bucket(grainId).tell(new ReminderBucket.Forget(grainId));
  }

  private Future<Void> ask(String grainId, Object command) {
    if (!options.hasReminders()) {
      throw new IllegalStateException("grain type " + type.typeName() + " uses reminders: register it with "
          + "GrainOptions.setReminders(true), so that its hosts read its reminders when they start");
    }
    return bucket(grainId).ask(command).mapEmpty();
  }

  private ActorRef bucket(String grainId) {
    return runtime.sharding().entityRef(bucketType, Integer.toString(Math.floorMod(grainId.hashCode(), BUCKETS)));
  }

  /** The grain {@code grainId}, to fire its reminders at or wake it. */
  ActorRef grain(String grainId) {
    return runtime.sharding().entityRef(type.typeName(), grainId);
  }
}
