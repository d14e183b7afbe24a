package actors.testsupport;

import actors.Actor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * For tests, on a worker dispatcher: blocks in {@code receive} on "block" until released, so that
 * what queues behind it can be looked at; answers every message it gets with itself.
 */
public final class BlockingActor extends Actor {

  private static volatile CountDownLatch entered = new CountDownLatch(1);
  private static volatile CountDownLatch release = new CountDownLatch(1);

  /** Fresh latches, before a test sends "block". */
  public static void arm() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** Whether an actor of this class blocked within 10 s. */
  public static boolean awaitBlocked() throws InterruptedException {
    return entered.await(10, TimeUnit.SECONDS);
  }

  /** Lets the blocked actor go on; harmless when none is blocked. */
  public static void release() {
    release.countDown();
  }

  @Override
  protected void receive(Object message) throws InterruptedException {
    if (message.equals("block")) {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    }
    sender().tell(message, self());
  }
}
