package actors.dispatch.impl;

import actors.ActorRef;
import actors.dispatch.Dispatchers;
import io.vertx.core.internal.ContextInternal;

/** Binds a new actor to the context of the code creating it (a verticle, a handler, a parent actor). */
public final class CallerContextDispatcher implements CellDispatcher {

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    ContextInternal current = ContextInternal.current();
    if (current == null) {
      throw new IllegalStateException("dispatcher '" + Dispatchers.CALLER_CONTEXT
          + "' binds an actor to its creator's Vert.x context, but " + Thread.currentThread().getName()
          + " is not on one; create the actor from a verticle, a handler or another actor");
    }
    // A request's duplicated context lives only as long as the request: bind to its root.
    return current.unwrap();
  }
}
