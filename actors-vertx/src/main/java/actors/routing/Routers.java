package actors.routing;

import actors.ActorRef;
import actors.Props;
import actors.SupervisorStrategy;
import actors.routing.impl.RouterActor;
import actors.routing.impl.RouterConfig;

import java.util.List;
import java.util.Objects;

/**
 * Factories of routers. A router is an actor whose reference hands each message to one (or
 * every) routee, chosen by its routing logic on the sender's thread: routing adds no hop and no
 * mailbox. The router itself only processes {@link AdjustPoolSize}, {@link GetRoutees},
 * {@code PoisonPill} and {@code Kill}; {@link Broadcast} goes to every routee.
 * <pre>{@code
 * ActorRef workers = system.actorOf(Routers.pool(4, Props.create(Worker::new)).roundRobin(), "workers");
 * }</pre>
 *
 * <p>Messages of one sender keep their order per routee, not across routees (except with
 * {@link Pool#consistentHashing}, where one key always reaches one routee while the routees do
 * not change).
 */
public final class Routers {

  private Routers() {
  }

  /**
   * A pool: the router creates {@code size} routees from {@code routeeProps} as its children,
   * spread round-robin over the event loops (unless the Props choose a dispatcher), and
   * supervises them: by default a failing routee is restarted, alone. A routee that stops
   * leaves the pool; the router stops with its last routee.
   *
   * @throws IllegalArgumentException if {@code size} is less than 1
   */
  public static Pool pool(int size, Props routeeProps) {
    if (size < 1) {
      throw new IllegalArgumentException("a router pool needs at least one routee, was " + size);
    }
    return new Pool(size, Objects.requireNonNull(routeeProps, "routeeProps"), SupervisorStrategy.defaultStrategy());
  }

  /**
   * A group: the router routes to {@code routees}, which exist already and which it does not
   * supervise. It watches them: one that stops leaves the group.
   *
   * @throws IllegalArgumentException if {@code routees} is empty
   */
  public static Group group(List<ActorRef> routees) {
    Objects.requireNonNull(routees, "routees");
    if (routees.isEmpty()) {
      throw new IllegalArgumentException("a router group needs at least one routee");
    }
    return new Group(List.copyOf(routees));
  }

  /** A pool being configured; its routing logic, chosen last, gives the router's Props. */
  public static final class Pool extends RoutingChoice {

    private final int size;
    private final Props routeeProps;
    private final SupervisorStrategy strategy;

    private Pool(int size, Props routeeProps, SupervisorStrategy strategy) {
      this.size = size;
      this.routeeProps = routeeProps;
      this.strategy = strategy;
    }

    /** How the router supervises its routees; default {@link SupervisorStrategy#defaultStrategy()}. */
    public Pool withSupervisorStrategy(SupervisorStrategy strategy) {
      return new Pool(size, routeeProps, Objects.requireNonNull(strategy, "strategy"));
    }

    @Override
    Props with(RouterConfig.Kind kind) {
      RouterConfig config = RouterConfig.pool(size, routeeProps, strategy, kind);
      return Props.create(RouterActor.class, () -> new RouterActor(config));
    }
  }

  /** A group being configured; its routing logic, chosen last, gives the router's Props. */
  public static final class Group extends RoutingChoice {

    private final List<ActorRef> routees;

    private Group(List<ActorRef> routees) {
      this.routees = routees;
    }

    @Override
    Props with(RouterConfig.Kind kind) {
      RouterConfig config = RouterConfig.group(routees, kind);
      return Props.create(RouterActor.class, () -> new RouterActor(config));
    }
  }
}
