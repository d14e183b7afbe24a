package benchmarks.suite;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits for the end of a round, at most ten minutes: a lost message fails the round instead of hanging it. */
final class Latch {

  private volatile CountDownLatch latch;

  void reset(int count) {
    latch = new CountDownLatch(count);
  }

  void countDown() {
    latch.countDown();
  }

  void await(String what) throws InterruptedException {
    if (!latch.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(what + " did not finish: " + latch.getCount() + " left");
    }
  }
}
