package actors.dispatch.impl;

import actors.ActorRef;
import io.vertx.core.internal.ContextInternal;

/** Binds an actor to a verticle's own context, whatever its threading model. */
public final class VerticleContextDispatcher implements CellDispatcher {

  private final ContextInternal context;

  public VerticleContextDispatcher(ContextInternal context) {
    this.context = context;
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    return context;
  }

  @Override
  public int throughput(int systemThroughput) {
    // A worker verticle's actor may block: one message per task, as on the worker dispatcher.
    return context.isEventLoopContext() ? systemThroughput : 1;
  }
}
