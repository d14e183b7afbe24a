package actors.event;

import actors.ActorRef;
import actors.Directive;

/**
 * An actor failed and its supervisor decided what to do.
 *
 * @param actor     the actor that failed
 * @param cause     why
 * @param directive what its supervisor decided (after restart limits: {@code STOP} when reached)
 */
public record ActorFailed(ActorRef actor, Throwable cause, Directive directive) {
}
