package actors.dispatch.impl;

import actors.ActorRef;
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
public final class EventLoopDispatcher implements CellDispatcher {

  private final ContextInternal[] contexts;
  // One per context, shared by its actors; null entries when the system does not spin.
  private final IdleSpin[] spins;
  private final AtomicInteger next = new AtomicInteger();

  public EventLoopDispatcher(VertxInternal vertx, int eventLoops, int spinNanos) {
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
    this.spins = new IdleSpin[contexts.length];
    for (int i = 0; i < contexts.length; i++) {
      spins[i] = CellDispatcher.super.idleSpin(contexts[i], spinNanos);
    }
  }

  @Override
  public IdleSpin idleSpin(ContextInternal context, int systemSpinNanos) {
    for (int i = 0; i < contexts.length; i++) {
      if (contexts[i] == context) {
        return spins[i];
      }
    }
    return CellDispatcher.super.idleSpin(context, systemSpinNanos);
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    return next();
  }

  /** Its contexts, one per event loop it uses. */
  public List<ContextInternal> contexts() {
    return List.of(contexts);
  }

  /** The next event-loop context, round-robin. */
  public ContextInternal next() {
    return contexts[Math.floorMod(next.getAndIncrement(), contexts.length)];
  }
}
