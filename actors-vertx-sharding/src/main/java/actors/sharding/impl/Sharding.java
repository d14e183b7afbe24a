package actors.sharding.impl;

import actors.ActorRef;
import actors.ActorRefFactory;
import actors.ActorSystem;
import actors.Props;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import actors.internal.LogText;
import actors.internal.SystemServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sharding of one actor system: its regions by name, one per entity type and singleton
 * this node hosts or reaches. It backs {@link ClusterSharding} and {@code ClusterSingleton}.
 */
public final class Sharding implements ClusterSharding {

  private static final Map<ActorSystem, Sharding> OF_SYSTEM = new WeakHashMap<>();

  private record Region(RegionSettings settings, ActorRef ref, Future<Void> started) {
  }

  private final SystemServices system;
  private final Map<String, Region> regions = new ConcurrentHashMap<>();

  private Sharding(SystemServices system) {
    this.system = system;
  }

  /** The sharding of {@code system}, made on first use and gone with the system. */
  public static Sharding of(ActorSystem system) {
    SystemServices services = SystemServices.of(system, "ClusterSharding");
    synchronized (OF_SYSTEM) {
      Sharding sharding = OF_SYSTEM.get(services);
      if (sharding == null) {
        sharding = new Sharding(services);
        OF_SYSTEM.put(services, sharding);
        services.whenTerminated().onComplete(terminated -> {
          synchronized (OF_SYSTEM) {
            OF_SYSTEM.remove(services);
          }
        });
      }
      return sharding;
    }
  }

  @Override
  public Future<Void> start(String typeName, Function<String, Props> entityProps, ShardingOptions options) {
    Objects.requireNonNull(entityProps, "entityProps");
    return region(new RegionSettings(checkName(typeName, "typeName"), "$sharding." + typeName, entityProps,
        new ShardingOptions(Objects.requireNonNull(options, "options")), false)).started();
  }

  @Override
  public Future<Void> startProxy(String typeName, ShardingOptions options) {
    return region(new RegionSettings(checkName(typeName, "typeName"), "$sharding." + typeName, null,
        new ShardingOptions(Objects.requireNonNull(options, "options")), false)).started();
  }

  @Override
  public ActorRef entityRef(String typeName, String entityId) {
    return new EntityRef(system, known(typeName).ref(), checkId(entityId));
  }

  @Override
  public int shardOf(String typeName, String entityId) {
    return Rendezvous.shardOf(checkId(entityId), known(typeName).settings().numberOfShards());
  }

  @Override
  public Future<Void> leave() {
    return Future.all(regions.values().stream().map(region -> {
      Promise<Void> done = Promise.promise();
      region.ref().tell(new RegionMessages.Leave(done));
      return done.future();
    }).toList()).mapEmpty();
  }

  /** Backs {@code ClusterSingleton.start}: the proxy to the singleton, which this node may run. */
  public ActorRef startSingleton(String name, Props props, ShardingOptions options) {
    Objects.requireNonNull(props, "props");
    String region = "$singleton." + checkName(name, "name");
    if (regions.containsKey(region)) {
      throw new IllegalStateException("the singleton " + name + " was started on this node already: "
          + "use the reference that start returned, or ClusterSingleton.proxy");
    }
    ShardingOptions one = new ShardingOptions(Objects.requireNonNull(options, "options")).setNumberOfShards(1)
        .setPassivateAfter(Duration.ZERO);
    return new EntityRef(system, region(new RegionSettings(name, region, id -> props, one, true)).ref(), name);
  }

  /** Backs {@code ClusterSingleton.proxy}. */
  public ActorRef singletonProxy(String name) {
    String region = "$singleton." + checkName(name, "name");
    Region existing = regions.get(region);
    if (existing != null && existing.settings().hosting()) {
      throw new IllegalStateException("this node runs the singleton " + name + ": use the reference that start returned");
    }
    ShardingOptions one = new ShardingOptions().setNumberOfShards(1).setPassivateAfter(Duration.ZERO);
    return new EntityRef(system, region(new RegionSettings(name, region, null, one, true)).ref(), name);
  }

  private synchronized Region region(RegionSettings settings) {
    Region existing = regions.get(settings.regionName());
    if (existing != null) {
      RegionSettings was = existing.settings();
      if (was.entityProps() == settings.entityProps() && was.options().equals(settings.options())) {
        return existing;
      }
      throw new IllegalStateException(settings.typeName() + " was started on this node already, "
          + (was.hosting() != settings.hosting() ? (was.hosting() ? "as a host" : "as a proxy")
          : was.options().equals(settings.options()) ? "with another entityProps function" : "with other options: "
          + was.options()));
    }
    Promise<Void> started = Promise.promise();
    ActorRef ref = system.systemActorOf(Props.create(ShardRegion.class, () -> new ShardRegion(settings, system, started)),
        settings.regionName());
    Region region = new Region(settings, ref, started.future());
    regions.put(settings.regionName(), region);
    return region;
  }

  private Region known(String typeName) {
    Objects.requireNonNull(typeName, "typeName");
    Region region = regions.get("$sharding." + typeName);
    if (region == null) {
      throw new IllegalArgumentException("no entity type " + typeName + " on this node: start it with "
          + "ClusterSharding.start, or startProxy to reach it from here; known: "
          + regions.values().stream().filter(known -> !known.settings().sticky()).map(known -> known.settings().typeName())
          .sorted().toList());
    }
    return region;
  }

  private static String checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " '" + name + "' holds an illegal character at index " + i
            + ": no '/', white space or control characters");
      }
    }
    return name;
  }

  private static String checkId(String entityId) {
    Objects.requireNonNull(entityId, "entityId");
    if (entityId.isEmpty()) {
      throw new IllegalArgumentException("entityId must not be empty");
    }
    int escaped = EntityNames.encode(entityId).length();
    if (escaped > ActorRefFactory.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("entityId [" + LogText.escape(entityId, 40) + "...] is " + escaped
          + " characters long escaped as an actor name, more than " + ActorRefFactory.MAX_NAME_LENGTH);
    }
    return entityId;
  }
}
