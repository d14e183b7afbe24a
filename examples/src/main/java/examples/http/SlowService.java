package examples.http;

import actors.Actor;
import actors.ActorRef;

/**
 * Stands for a slow backend: answers each {@link Work} after its delay, with a Vert.x timer on
 * the actor's own context, so the event loop never blocks while it waits.
 */
public final class SlowService extends Actor {

  /** Work that takes {@code millis}; answered with {@link Done}. */
  public record Work(long millis) {
  }

  /** The answer to {@link Work}. */
  public record Done(long millis) {
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof Work work) {
      ActorRef replyTo = sender();
      context().vertx().setTimer(Math.max(1, work.millis()), id -> replyTo.tell(new Done(work.millis()), self()));
    } else {
      unhandled(message);
    }
  }
}
