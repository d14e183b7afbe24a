package actors.routing.impl;

import actors.ActorRef;
import actors.Props;
import actors.SupervisorStrategy;

import java.util.List;
import java.util.function.Function;

/**
 * What a router is made of, built by {@code actors.routing.Routers}: a pool (size, routee Props,
 * strategy) or a group (routees), and a routing logic.
 */
public final class RouterConfig {

  /** A routing logic: its type and, for consistent hashing, the key function. */
  public static final class Kind {

    enum Type { ROUND_ROBIN, RANDOM, SMALLEST_MAILBOX, BROADCAST, CONSISTENT_HASHING }

    final Type type;
    final Function<Object, Object> key;

    private Kind(Type type, Function<Object, Object> key) {
      this.type = type;
      this.key = key;
    }

    public static Kind roundRobin() {
      return new Kind(Type.ROUND_ROBIN, null);
    }

    public static Kind random() {
      return new Kind(Type.RANDOM, null);
    }

    public static Kind smallestMailbox() {
      return new Kind(Type.SMALLEST_MAILBOX, null);
    }

    public static Kind broadcast() {
      return new Kind(Type.BROADCAST, null);
    }

    public static Kind consistentHashing(Function<Object, Object> key) {
      return new Kind(Type.CONSISTENT_HASHING, key);
    }
  }

  final int size;
  final Props routeeProps;
  final SupervisorStrategy strategy;
  final List<ActorRef> group;
  final Kind kind;

  private RouterConfig(int size, Props routeeProps, SupervisorStrategy strategy, List<ActorRef> group, Kind kind) {
    this.size = size;
    this.routeeProps = routeeProps;
    this.strategy = strategy;
    this.group = group;
    this.kind = kind;
  }

  public static RouterConfig pool(int size, Props routeeProps, SupervisorStrategy strategy, Kind kind) {
    return new RouterConfig(size, routeeProps, strategy, null, kind);
  }

  public static RouterConfig group(List<ActorRef> routees, Kind kind) {
    return new RouterConfig(0, null, SupervisorStrategy.defaultStrategy(), routees, kind);
  }

  boolean isPool() {
    return group == null;
  }
}
