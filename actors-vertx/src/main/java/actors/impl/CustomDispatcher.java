package actors.impl;

import actors.dispatch.Dispatcher;
import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;

/** A user's {@link Dispatcher}, with its answer checked. */
final class CustomDispatcher implements CellDispatcher {

  private final String name;
  private final Dispatcher dispatcher;

  CustomDispatcher(String name, Dispatcher dispatcher) {
    this.name = name;
    this.dispatcher = dispatcher;
  }

  @Override
  public ContextInternal contextFor(ActorCell parent, String childName) {
    ActorSystemImpl system = parent.system;
    String path = parent.path() + "/" + childName;
    Context context = dispatcher.contextFor(system, path);
    if (context == null) {
      throw new IllegalStateException("dispatcher '" + name + "' returned no context for " + path);
    }
    if (!(context instanceof ContextInternal internal) || internal.owner() != system.vertx()) {
      throw new IllegalStateException("dispatcher '" + name + "' returned a context of another Vertx for " + path
          + "; it must belong to the system's Vertx");
    }
    return internal.unwrap();
  }
}
