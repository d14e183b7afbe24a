package actors.dispatch.impl;

import actors.ActorRef;
import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.Executor;

/** How a dispatcher binds a new actor: the Vert.x context it lives on and how its mailbox runs there. */
public interface CellDispatcher {

  /**
   * The context for a new actor called {@code name}, a child of {@code parent} (null for the
   * guardian), called on the creating thread.
   *
   * @throws IllegalStateException when no context fits, with the reason
   */
  ContextInternal contextFor(ActorRef parent, String name);

  /** Where the mailbox drain of an actor bound to {@code context} runs. */
  default Executor executor(ContextInternal context) {
    return context.executor();
  }

  /**
   * How a drain on {@code context} waits for more messages before it yields, or null: only
   * event loops spin, for at most {@code systemSpinNanos}.
   */
  default IdleSpin idleSpin(ContextInternal context, int systemSpinNanos) {
    return context.isEventLoopContext() && systemSpinNanos > 0
        ? new IdleSpin(context.nettyEventLoop(), systemSpinNanos) : null;
  }

  /** User messages per drain; the system's throughput unless the dispatcher needs fewer. */
  default int throughput(int systemThroughput) {
    return systemThroughput;
  }

  /** All three for a mailbox on {@code context}: a new policy unless the dispatcher shares one. */
  default DrainPolicy drainPolicy(ContextInternal context, int systemThroughput, int systemSpinNanos) {
    return new DrainPolicy(executor(context), throughput(systemThroughput), idleSpin(context, systemSpinNanos));
  }
}
