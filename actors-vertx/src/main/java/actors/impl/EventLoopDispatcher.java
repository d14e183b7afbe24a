package actors.impl;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.ThreadingModel;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default dispatcher: one event-loop context per event loop it uses (the first
 * {@code eventLoops} of the Vertx's), shared by the actors bound to it and handed out
 * round-robin, so actors spread over those loops. Sharing a context costs an actor nothing; one
 * context per actor would cost a context per actor.
 */
final class EventLoopDispatcher implements CellDispatcher {

  private final ContextInternal[] contexts;
  private final AtomicInteger next = new AtomicInteger();

  EventLoopDispatcher(VertxInternal vertx, int eventLoops) {
    List<ContextInternal> perLoop = new ArrayList<>();
    for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
      if (perLoop.size() == eventLoops) {
        break;
      }
      perLoop.add(vertx.contextBuilder()
          .withThreadingModel(ThreadingModel.EVENT_LOOP)
          .withEventLoop((EventLoop) loop)
          .build());
    }
    this.contexts = perLoop.toArray(new ContextInternal[0]);
  }

  @Override
  public ContextInternal contextFor(ActorCell parent, String childName) {
    return next();
  }

  ContextInternal next() {
    return contexts[Math.floorMod(next.getAndIncrement(), contexts.length)];
  }
}
