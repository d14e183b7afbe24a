package actors;

import java.util.Objects;

/**
 * Sent to every actor that {@link ActorContext#watch(ActorRef) watches} {@code actor} once that
 * actor has stopped, or at once if it was already stopped when watched. Its sender is the
 * stopped actor.
 *
 * @param actor the actor that stopped
 */
public record Terminated(ActorRef actor) {

  /** @throws NullPointerException if {@code actor} is null */
  public Terminated {
    Objects.requireNonNull(actor, "actor");
  }
}
