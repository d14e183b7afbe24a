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
import java.util.function.LongConsumer;

/**
 * Round-trip latency without queueing of our own making, for asks to one echoing actor, or for
 * tell round trips (a tell to an actor that tells a second one, which notes the arrival): one at
 * a time (a pure round trip), and at a fixed offered rate, open loop. At a rate, trip {@code i}
 * is due at {@code start + i / rate}; the sender sends it then (at once when it is late) and its
 * latency counts from when it was due, so a stall of the platform delays the trips behind it and
 * shows in their latencies instead of being left out (no coordinated omission). The sender parks
 * while the next trip is more than 100 µs away and spins closer to it, on a thread of its own as
 * any load generator. Latencies go to an HdrHistogram (3 significant digits, up to a minute).
 */
final class OpenLoop {

  /** What travels: an ask and its answer, or a tell and the tell it causes to a second actor. */
  enum Kind { ASK, TELL }

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);
  /** At most this many trips in flight: past it the sender waits (its trips still count from their due times). */
  private static final int MOST_IN_FLIGHT = 100_000;
  /** Tell round trips in flight while their maximum rate is measured (closed loop). */
  private static final int WINDOW = 1_000;

  private final Platform platform;
  private final Kind kind;
  private final Ref echo;
  // What the tell round trip's second actor calls for each trip that reached it; set before a
  // measurement sends its first trip, when none of the one before is in flight.
  private volatile LongConsumer arrived = i -> { };

  OpenLoop(Platform platform, Kind kind) {
    this.platform = platform;
    this.kind = kind;
    if (kind == Kind.ASK) {
      this.echo = platform.spawn((message, replier) -> replier.reply(message));
    } else {
      Ref sink = platform.spawn((message, replier) -> arrived.accept((Long) message));
      this.echo = platform.spawn((message, replier) -> sink.tell(message));
    }
    platform.awaitReady();
  }

  /** Sends trip {@code i}; {@code back} runs once it came back, {@code failed} keeps an ask's failure. */
  private void send(long i, LongConsumer back, AtomicReference<Throwable> failed) {
    if (kind == Kind.TELL) {
      echo.tell(i);
      return;
    }
    platform.ask(echo, i, TIMEOUT).whenComplete((answer, failure) -> {
      if (failure != null) {
        failed.compareAndSet(null, failure);
      }
      back.accept(i);
    });
  }

  /**
   * The latencies of trips sent one after the other, each once the one before came back, for
   * {@code duration} (at least one).
   */
  Histogram oneAtATime(Duration duration) throws Exception {
    Histogram latencies = new Histogram(HIGHEST, 3);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    long end = System.nanoTime() + duration.toNanos();
    long i = 0;
    do {
      CountDownLatch back = new CountDownLatch(1);
      LongConsumer done = trip -> back.countDown();
      arrived = done;
      long start = System.nanoTime();
      send(i++, done, failed);
      if (!back.await(1, TimeUnit.MINUTES) || failed.get() != null) {
        throw new IllegalStateException("a " + kind + " round trip did not come back", failed.get());
      }
      latencies.recordValue(System.nanoTime() - start);
    } while (System.nanoTime() < end);
    return latencies;
  }

  /**
   * Trips per second that came back in a closed loop over {@code duration}: asks as the suite's
   * ask workload sends them ({@link Ask}), tell round trips with {@value #WINDOW} in flight.
   */
  double maximum(Duration duration) throws Exception {
    if (kind == Kind.ASK) {
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
    Semaphore window = new Semaphore(WINDOW);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    LongConsumer back = trip -> window.release();
    arrived = back;
    long trips = 0;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    do {
      window.acquire();
      send(trips++, back, failed);
    } while (System.nanoTime() < end);
    if (!window.tryAcquire(WINDOW, 1, TimeUnit.MINUTES) || failed.get() != null) {
      throw new IllegalStateException(kind + " round trips did not all come back", failed.get());
    }
    return trips / ((System.nanoTime() - start) / 1e9);
  }

  /** The latencies, from their due times, of trips offered at {@code rate} per second for {@code duration}. */
  Histogram at(double rate, Duration duration) throws Exception {
    ConcurrentHistogram latencies = new ConcurrentHistogram(HIGHEST, 3);
    long count = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    double interval = 1e9 / rate;
    CountDownLatch cameBack = new CountDownLatch((int) Math.min(count, Integer.MAX_VALUE));
    Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    long start = System.nanoTime();
    LongConsumer back = i -> {
      latencies.recordValue(Math.min(HIGHEST, System.nanoTime() - (start + (long) (i * interval))));
      inFlight.release();
      cameBack.countDown();
    };
    arrived = back;
    for (long i = 0; i < count; i++) {
      waitUntil(start + (long) (i * interval));
      inFlight.acquire();
      send(i, back, failed);
    }
    if (!cameBack.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException(kind + " round trips at " + rate + "/s did not all come back");
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
