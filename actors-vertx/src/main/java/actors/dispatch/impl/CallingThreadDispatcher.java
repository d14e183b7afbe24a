package actors.dispatch.impl;

import actors.ActorRef;
import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.Executor;

/**
 * The {@code calling-thread} dispatcher, for tests: the mailbox drain runs inline on the thread
 * that schedules it, so a {@code tell} to an idle actor returns after the actor processed it.
 * The actor's context, for its timers and Vert.x callbacks, is an event-loop context.
 */
public final class CallingThreadDispatcher implements CellDispatcher {

  private final EventLoopDispatcher eventLoops;

  public CallingThreadDispatcher(EventLoopDispatcher eventLoops) {
    this.eventLoops = eventLoops;
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    return eventLoops.next();
  }

  @Override
  public IdleSpin idleSpin(ContextInternal context, int systemSpinNanos) {
    return null; // it runs on the sender's thread, not on its event loop
  }

  @Override
  public Executor executor(ContextInternal context) {
    return Runnable::run;
  }
}
