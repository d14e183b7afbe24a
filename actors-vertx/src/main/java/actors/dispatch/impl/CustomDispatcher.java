package actors.dispatch.impl;

import actors.ActorRef;
import actors.ActorSystem;
import actors.dispatch.Dispatcher;
import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;

/** A user's {@link Dispatcher}, with its answer checked. */
public final class CustomDispatcher implements CellDispatcher {

  private final ActorSystem system;
  private final String name;
  private final Dispatcher dispatcher;

  public CustomDispatcher(ActorSystem system, String name, Dispatcher dispatcher) {
    this.system = system;
    this.name = name;
    this.dispatcher = dispatcher;
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String childName) {
    String path = (parent == null ? "" : parent.path()) + "/" + childName;
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
