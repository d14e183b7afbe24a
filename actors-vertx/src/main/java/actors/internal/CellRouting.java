package actors.internal;

import actors.ActorRef;

/**
 * A router's routing, as its cell sees it: the cell of a router hands every message that is not
 * for the router actor itself to {@link #route}, on the sender's thread.
 */
public interface CellRouting {

  /** Whether {@code message} is for the router actor (its management and lifecycle), not routed. */
  boolean isForTheRouter(Object message);

  /** Sends {@code message} to the routee or routees the logic picks; any thread. */
  void route(Object message, ActorRef sender);
}
