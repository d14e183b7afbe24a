package benchmarks.persistence;

import actors.persistence.PersistentActor;
import actors.persistence.SnapshotOffer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A persistent actor of the benchmarks (its snapshot is its last event): told {@link Go}, it persists that many events one after
 * the other (each once the one before is durable), writes how long each took to the run's
 * latency array, then counts the run's latch down.
 */
final class Writer extends PersistentActor {

  /** An event: its number. */
  record Written(long n) {
  }

  /** Persist {@code events} events; record latencies from {@code next} on into {@code latencies}. */
  record Go(int events, long[] latencies, AtomicInteger next, CountDownLatch done) {
  }

  private final String id;
  private long count;

  Writer(String id) {
    this.id = id;
  }

  @Override
  public String persistenceId() {
    return id;
  }

  @Override
  protected void receiveRecover(Object event) {
    count = ((Written) (event instanceof SnapshotOffer offer ? offer.snapshot() : event)).n();
  }

  @Override
  protected void receiveCommand(Object command) {
    Go go = (Go) command;
    next(go, go.events());
  }

  private void next(Go go, int left) {
    if (left == 0) {
      go.done().countDown();
      return;
    }
    long started = System.nanoTime();
    persist(new Written(count + 1), event -> {
      count = event.n();
      int slot = go.next().getAndIncrement();
      if (slot < go.latencies().length) {
        go.latencies()[slot] = System.nanoTime() - started;
      }
      next(go, left - 1);
    });
  }
}
