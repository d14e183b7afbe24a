package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.platform.Platform.Ref;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Ask latency without queueing of our own making: asks to one echoing actor, one at a time (a
 * pure round trip), and at a fixed offered rate, open loop. At a rate, ask {@code i} is due at
 * {@code start + i / rate}; the sender sends it then (at once when it is late) and its latency
 * counts from when it was due, so a stall of the platform delays the asks behind it and shows in
 * their latencies instead of being left out (no coordinated omission). The sender parks while
 * the next ask is more than 100 µs away and spins closer to it, on a thread of its own as any
 * load generator. Latencies go to an HdrHistogram (3 significant digits, up to a minute).
 */
final class OpenLoop {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);
  /** At most this many asks in flight: past it the sender waits (its asks still count from their due times). */
  private static final int MOST_IN_FLIGHT = 100_000;

  private final Platform platform;
  private final Ref echo;

  OpenLoop(Platform platform) {
    this.platform = platform;
    this.echo = platform.spawn((message, replier) -> replier.reply(message));
    platform.awaitReady();
  }

  /**
   * The latencies of asks sent one after the other, each once the one before was answered, for
   * {@code duration} (at least one).
   */
  Histogram oneAtATime(Duration duration) throws Exception {
    Histogram latencies = new Histogram(HIGHEST, 3);
    long end = System.nanoTime() + duration.toNanos();
    long i = 0;
    do {
      long start = System.nanoTime();
      platform.ask(echo, i++, TIMEOUT).toCompletableFuture().get(1, TimeUnit.MINUTES);
      latencies.recordValue(System.nanoTime() - start);
    } while (System.nanoTime() < end);
    return latencies;
  }

  /** Asks per second answered with {@link Ask#OUTSTANDING} in flight (closed loop) over {@code duration}. */
  double maximum(Duration duration) throws Exception {
    Ask ask = new Ask();
    ask.setUp(platform, 10_000);
    long asks = 0;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    do {
      ask.run();
      asks += 10_000;
    } while (System.nanoTime() < end);
    return asks / ((System.nanoTime() - start) / 1e9);
  }

  /** The latencies, from their due times, of asks offered at {@code rate} per second for {@code duration}. */
  Histogram at(double rate, Duration duration) throws Exception {
    ConcurrentHistogram latencies = new ConcurrentHistogram(HIGHEST, 3);
    long count = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    double interval = 1e9 / rate;
    CountDownLatch answered = new CountDownLatch((int) Math.min(count, Integer.MAX_VALUE));
    Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long due = start + (long) (i * interval);
      waitUntil(due);
      inFlight.acquire();
      platform.ask(echo, i, TIMEOUT).whenComplete((answer, failure) -> {
        latencies.recordValue(Math.min(HIGHEST, System.nanoTime() - due));
        if (failure != null) {
          failed.compareAndSet(null, failure);
        }
        inFlight.release();
        answered.countDown();
      });
    }
    if (!answered.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("asks at " + rate + "/s were not all answered");
    }
    if (failed.get() != null) {
      throw new IllegalStateException("an ask failed: the level does not count", failed.get());
    }
    return latencies;
  }

  private static void waitUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      if (left > 100_000) {
        LockSupport.parkNanos(left - 80_000);
      } else {
        Thread.onSpinWait();
      }
    }
  }

  /** {p50, p99, p99.9, max} of {@code latencies}, in µs. */
  static double[] summary(Histogram latencies) {
    return new double[] {latencies.getValueAtPercentile(50) / 1e3, latencies.getValueAtPercentile(99) / 1e3,
        latencies.getValueAtPercentile(99.9) / 1e3, latencies.getMaxValue() / 1e3};
  }
}
