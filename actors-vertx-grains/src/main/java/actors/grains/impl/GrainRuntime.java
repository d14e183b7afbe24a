package actors.grains.impl;

import actors.ActorRef;
import actors.ActorRefFactory;
import actors.ActorSystem;
import actors.Props;
import actors.grains.Grain;
import actors.grains.GrainContext;
import actors.grains.GrainId;
import actors.grains.GrainOptions;
import actors.grains.Grains;
import actors.internal.SystemServices;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import io.vertx.core.Future;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The grains of one actor system: the types it hosts or reaches, each a sharded entity type named
 * after its interface, and the references to them. It backs {@link Grains}.
 */
public final class GrainRuntime implements Grains {

  static {
    GrainWire.register();
  }

  // Read for every call that arrives from another node: no lock on the way.
  private static final Map<ActorSystem, GrainRuntime> OF_SYSTEM = new ConcurrentHashMap<>();

  /** A type this node hosts or reaches. */
  record Kind(GrainType type, GrainOptions options, boolean hosting, Future<Void> started) {
  }

  private final SystemServices system;
  private final ClusterSharding sharding;
  private final Map<Class<?>, Kind> kinds = new ConcurrentHashMap<>();
  private final Map<Class<?>, GrainType> types = new ConcurrentHashMap<>();
  private final Map<Long, GrainMethod> methodsById = new ConcurrentHashMap<>();

  private GrainRuntime(SystemServices system) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
  }

  /** The grains of {@code system}, made on first use and gone with the system. */
  public static GrainRuntime of(ActorSystem system) {
    GrainRuntime known = OF_SYSTEM.get(system);
    if (known != null) {
      return known;
    }
    SystemServices services = SystemServices.of(system, "Grains");
    return OF_SYSTEM.computeIfAbsent(services, key -> {
      GrainRuntime runtime = new GrainRuntime(services);
      services.whenTerminated().onComplete(terminated -> OF_SYSTEM.remove(services));
      return runtime;
    });
  }

  /** Backs {@link Grains#idOf}. */
  public static GrainId idOf(Grain ref) {
    GrainRef behind = GrainRef.behind(Objects.requireNonNull(ref, "ref"));
    if (behind != null) {
      return behind.id();
    }
    throw new IllegalArgumentException(ref.getClass().getName() + " is not a grain reference (from Grains.ref)");
  }

  @Override
  public <I extends Grain> Future<Void> register(Class<I> type, Function<GrainContext, ? extends I> factory,
                                                 GrainOptions options) {
    Objects.requireNonNull(factory, "factory");
    return kind(type, new GrainOptions(Objects.requireNonNull(options, "options")), factory).started();
  }

  @Override
  public <I extends Grain> Future<Void> reach(Class<I> type, GrainOptions options) {
    return kind(type, new GrainOptions(Objects.requireNonNull(options, "options")), null).started();
  }

  @Override
  public <I extends Grain> I ref(Class<I> type, String id) {
    Objects.requireNonNull(id, "id");
    Kind kind = kinds.get(Objects.requireNonNull(type, "type"));
    if (kind == null) {
      kind = kind(type, new GrainOptions(), null);
    }
    ActorRef entity;
    try {
      entity = sharding.entityRef(kind.type().typeName(), id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the id of a grain " + type.getName() + " is refused (" + e.getMessage()
          + "): an id is a non-empty string of at most " + ActorRefFactory.MAX_NAME_LENGTH + " characters once escaped", e);
    }
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new GrainRef(kind,
        new GrainId(type, id), entity)));
  }

  /** Backs {@code GrainTestKit.fireReminder}. */
  public Future<Void> fireReminder(Grain ref, String name) {
    GrainId id = idOf(ref);
    return sharding.entityRef(type(id.type()).typeName(), id.id())
        .ask(new ReminderTick(Objects.requireNonNull(name, "name"), true)).mapEmpty();
  }

  GrainType type(Class<?> type) {
    GrainType known = types.get(type);
    return known != null ? known : types.computeIfAbsent(type, t -> {
      GrainType checked = GrainType.of(t, system.options().getMessagePackages());
      for (GrainMethod method : checked.methods()) {
        GrainMethod same = methodsById.putIfAbsent(method.id(), method);
        if (same != null) {
          throw new IllegalArgumentException("grain method " + method + " has the id between nodes of grain method "
              + same + "; rename one of them");
        }
      }
      return checked;
    });
  }

  /**
   * The method of {@code id} ({@link GrainMethod#id}) of a type this node registered or reached;
   * null if none: calls name only methods of types the receiving node knows, and load no class.
   */
  GrainMethod method(long id) {
    return methodsById.get(id);
  }

  SystemServices system() {
    return system;
  }

  ClusterSharding sharding() {
    return sharding;
  }

  private synchronized Kind kind(Class<?> type, GrainOptions options, Function<GrainContext, ?> factory) {
    Objects.requireNonNull(type, "type");
    Kind existing = kinds.get(type);
    if (existing != null) {
      if (existing.options().equals(options) && (factory == null || existing.hosting())) {
        return existing;
      }
      throw new IllegalStateException("grain type " + type.getName() + " was " + (existing.hosting() ? "registered"
          : "reached") + " on this node already" + (existing.options().equals(options) ? "" : ", with " + existing.options()));
    }
    GrainType grainType = type(type);
    ShardingOptions shardingOptions = new ShardingOptions(options.getSharding());
    if (options.isRemembered()) {
      shardingOptions.setPassivateAfter(Duration.ZERO);
    }
    Future<Void> started;
    if (factory == null) {
      started = sharding.startProxy(grainType.typeName(), shardingOptions);
    } else {
      Reminders reminders = new Reminders(this, grainType, options);
      started = sharding.start(grainType.typeName(), id -> Props.create(GrainActivation.class,
          () -> new GrainActivation(this, grainType, factory, options, reminders, id)), shardingOptions)
          .compose(done -> reminders.host());
    }
    Kind kind = new Kind(grainType, options, factory != null, started);
    kinds.put(type, kind);
    return kind;
  }

}
