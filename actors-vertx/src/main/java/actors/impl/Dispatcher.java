package actors.impl;

import io.vertx.core.internal.ContextInternal;

/** Chooses the Vert.x context a new actor is bound to for life. */
interface Dispatcher {

  /**
   * The context for a new child of {@code parent}, called on the creating thread.
   *
   * @throws IllegalStateException when no context fits, with the reason
   */
  ContextInternal contextFor(ActorCell parent);
}
