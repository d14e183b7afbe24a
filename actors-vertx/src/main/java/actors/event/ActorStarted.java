package actors.event;

import actors.ActorRef;

/**
 * An actor's {@code preStart} has run.
 *
 * @param actor the actor
 */
public record ActorStarted(ActorRef actor) {
}
