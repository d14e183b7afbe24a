package benchmarks.persistence;

import actors.persistence.PersistentActor;
import actors.persistence.SnapshotOffer;

import java.util.concurrent.CountDownLatch;

/**
 * A persistent actor of the benchmarks (its snapshot is its last event): told {@link Go}, it persists that many events one after
 * the other (each once the one before is durable), records how long each took, then counts the
 * run's latch down.
 */
final class Writer extends PersistentActor {

  /** An event: its number. */
  record Written(long n) {
  }

  /** Persist {@code events} events, recording how long each took into {@code latencies}. */
  record Go(int events, Latencies latencies, CountDownLatch done) {
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
      go.latencies().record(System.nanoTime() - started);
      next(go, left - 1);
    });
  }
}
