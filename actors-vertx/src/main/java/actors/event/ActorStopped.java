package actors.event;

import actors.ActorRef;

/**
 * An actor has stopped: its children have stopped and its {@code postStop} has run.
 *
 * @param actor the actor
 */
public record ActorStopped(ActorRef actor) {
}
