package actors.impl;

import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.Executor;

/** How a dispatcher binds a new actor: the Vert.x context it lives on and how its mailbox runs there. */
interface CellDispatcher {

  /**
   * The context for a new child of {@code parent}, called on the creating thread.
   *
   * @throws IllegalStateException when no context fits, with the reason
   */
  ContextInternal contextFor(ActorCell parent, String childName);

  /** Where the mailbox drain of an actor bound to {@code context} runs. */
  default Executor executor(ContextInternal context) {
    return context.executor();
  }

  /** How long a drain waits for more messages before it yields: only event loops spin. */
  default int spinNanos(ContextInternal context, int systemSpinNanos) {
    return context.isEventLoopContext() ? systemSpinNanos : 0;
  }

  /** User messages per drain; the system's throughput unless the dispatcher needs fewer. */
  default int throughput(int systemThroughput) {
    return systemThroughput;
  }
}
