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
  // One per context, shared by its actors (with the system's throughput and spin).
  private final DrainPolicy[] policies;
  private final AtomicInteger next = new AtomicInteger();

  public EventLoopDispatcher(VertxInternal vertx, int eventLoops, int throughput, int spinNanos) {
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
    this.policies = new DrainPolicy[contexts.length];
    for (int i = 0; i < contexts.length; i++) {
      policies[i] = CellDispatcher.super.drainPolicy(contexts[i], throughput, spinNanos);
    }
  }

  @Override
  public DrainPolicy drainPolicy(ContextInternal context, int systemThroughput, int systemSpinNanos) {
    for (int i = 0; i < contexts.length; i++) {
      if (contexts[i] == context && policies[i].throughput() == systemThroughput) {
        return policies[i];
      }
    }
    return CellDispatcher.super.drainPolicy(context, systemThroughput, systemSpinNanos);
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
