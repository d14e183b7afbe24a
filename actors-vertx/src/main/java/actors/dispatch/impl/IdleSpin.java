package actors.dispatch.impl;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * How a drain on an event loop that ran out of messages waits a little for more, while no other
 * task waits for that loop: a reply that comes back within a few microseconds is then processed
 * at once, instead of after the loop has gone to sleep in its selector and been woken up again,
 * which costs tens of microseconds. Producers meanwhile see the mailbox scheduled and only
 * enqueue. One per event-loop context, shared by its actors.
 *
 * <p>A drain waits at most the spin time in all, however many times it runs out of messages in
 * its turn, and not at all when its last message came from Vert.x code on an event loop (a
 * route, an event-bus consumer): the next one will come from the network, which a loop that
 * spins does not read. A shared actor behind an HTTP route, whose asks from the routes of
 * another loop kept arriving within the spin, otherwise kept its loop in netty's task phase (up
 * to netty's task quantum, a second), and the route's p99 went from 4 ms to 50-85 ms on 2 cores.
 */
public final class IdleSpin {

  // Busy-wait iterations (a few microseconds) before the wait yields the core between checks:
  // Vert.x runs more event loops than cores, and a loop that only spins would keep the core from
  // the loop whose actor is about to answer.
  private static final int HOT_SPINS = 64;

  private final EventExecutor loop;
  private final int spinNanos;

  IdleSpin(EventExecutor loop, int spinNanos) {
    this.loop = loop;
    this.spinNanos = spinNanos;
  }

  /** The end of the waits of a turn that starts waiting now. */
  long deadline() {
    return System.nanoTime() + spinNanos;
  }

  /**
   * Waits until {@code deadline} at most for a message in {@code mailbox}; false when none came
   * or the loop is wanted.
   */
  boolean awaitWork(Mailbox mailbox, long deadline) {
    int spins = 0;
    do {
      if (mailbox.hasMessages()) {
        return true;
      }
      if (loop instanceof SingleThreadEventExecutor executor && executor.pendingTasks() > 0) {
        return false; // other actors (or I/O tasks) are waiting for this loop: give it back
      }
      if (++spins < HOT_SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    } while (System.nanoTime() < deadline);
    return false;
  }
}
