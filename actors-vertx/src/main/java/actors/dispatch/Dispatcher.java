package actors.dispatch;

import actors.ActorSystem;
import io.vertx.core.Context;

/**
 * A custom dispatcher: decides which Vert.x context each new actor is bound to for life.
 * Register it under a name with
 * {@link actors.ActorSystemOptions#addDispatcher(String, Dispatcher)} and select it with
 * {@link actors.Props#withDispatcher(String)}.
 *
 * <p>Whatever context it returns, the actor keeps its guarantees: its messages are processed one
 * at a time on that context, in order per sender. An event-loop context means the actor must
 * never block; a worker context (ordered) lets it block. Several actors may share one context.
 */
@FunctionalInterface
public interface Dispatcher {

  /**
   * The context for a new actor, called on the thread that creates it (inside {@code actorOf}).
   * A duplicated context is replaced by its root.
   *
   * @param system the system creating the actor; {@code system.vertx()} must own the context
   * @param path   the new actor's path, e.g. {@code /user/orders/$a}
   * @throws RuntimeException to refuse: {@code actorOf} then fails with it
   */
  Context contextFor(ActorSystem system, String path);
}
