package actors.routing;

import actors.ActorRef;

import java.util.List;

/**
 * A router's answer to {@link GetRoutees}.
 *
 * @param routees the current routees, in routing order
 */
public record Routees(List<ActorRef> routees) {

  /** Copies the list. */
  public Routees {
    routees = List.copyOf(routees);
  }
}
