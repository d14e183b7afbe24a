package actors.routing;

import actors.Props;
import actors.routing.impl.RouterConfig;

import java.util.Objects;
import java.util.function.Function;

/** The routing logics a {@link Routers.Pool} or {@link Routers.Group} can end with. */
abstract class RoutingChoice {

  abstract Props with(RouterConfig.Kind kind);

  /** The router's Props: each message to the next routee in turn. */
  public Props roundRobin() {
    return with(RouterConfig.Kind.roundRobin());
  }

  /** The router's Props: each message to a routee chosen at random. */
  public Props random() {
    return with(RouterConfig.Kind.random());
  }

  /**
   * The router's Props: each message to an idle routee if there is one, else to the one with
   * the fewest waiting messages (an estimate, counted up to a few hundred).
   */
  public Props smallestMailbox() {
    return with(RouterConfig.Kind.smallestMailbox());
  }

  /** The router's Props: each message to every routee. */
  public Props broadcast() {
    return with(RouterConfig.Kind.broadcast());
  }

  /**
   * The router's Props: messages with equal keys to the same routee while the routees do not
   * change; a change moves only the keys of the routees that came or went (a hash ring). A
   * message whose key function throws or returns null is a dead letter, with the reason.
   *
   * @param key the key of a message, e.g. an account id
   */
  public Props consistentHashing(Function<Object, Object> key) {
    return with(RouterConfig.Kind.consistentHashing(Objects.requireNonNull(key, "key")));
  }
}
