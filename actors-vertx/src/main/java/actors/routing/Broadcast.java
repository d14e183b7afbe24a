package actors.routing;

import java.util.Objects;

/**
 * Sent to a router, {@code message} goes to every routee, whatever the routing logic.
 *
 * @param message what every routee receives
 */
public record Broadcast(Object message) {

  /** @throws NullPointerException if {@code message} is null */
  public Broadcast {
    Objects.requireNonNull(message, "message");
  }
}
