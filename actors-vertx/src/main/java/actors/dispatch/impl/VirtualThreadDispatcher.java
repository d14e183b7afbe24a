package actors.dispatch.impl;

import actors.ActorRef;
import actors.dispatch.Dispatchers;
import io.vertx.core.ThreadingModel;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

/** The {@code virtual-thread} dispatcher: a virtual-thread context per actor, on Java 21 or later. */
public final class VirtualThreadDispatcher implements CellDispatcher {

  private final VertxInternal vertx;

  public VirtualThreadDispatcher(VertxInternal vertx) {
    this.vertx = vertx;
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    if (!vertx.isVirtualThreadAvailable()) {
      throw new IllegalStateException("dispatcher '" + Dispatchers.VIRTUAL_THREAD + "' needs virtual threads (Java 21 "
          + "or later); this JVM is Java " + Runtime.version() + ". Use '" + Dispatchers.WORKER + "' for blocking actors");
    }
    return vertx.contextBuilder().withThreadingModel(ThreadingModel.VIRTUAL_THREAD).build();
  }
}
