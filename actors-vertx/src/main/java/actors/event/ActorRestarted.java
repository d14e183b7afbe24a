package actors.event;

import actors.ActorRef;

/**
 * An actor has been restarted: its new instance's {@code postRestart} has run.
 *
 * @param actor the actor
 * @param cause the failure that made its supervisor restart it
 */
public record ActorRestarted(ActorRef actor, Throwable cause) {
}
