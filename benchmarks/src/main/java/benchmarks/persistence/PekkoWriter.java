package benchmarks.persistence;

import org.apache.pekko.persistence.AbstractPersistentActor;

/** {@link Writer} on Pekko Persistence: the same loop, one event after the other. */
final class PekkoWriter extends AbstractPersistentActor {

  /** The event, encoded by Pekko's Jackson CBOR serializer. */
  public record Counted(long n) {
  }

  private final String id;
  private long count;

  PekkoWriter(String id) {
    this.id = id;
  }

  @Override
  public String persistenceId() {
    return id;
  }

  @Override
  public Receive createReceiveRecover() {
    return receiveBuilder().match(Counted.class, event -> count = event.n()).build();
  }

  @Override
  public Receive createReceive() {
    return receiveBuilder().match(Writer.Go.class, go -> next(go, go.events())).build();
  }

  private void next(Writer.Go go, int left) {
    if (left == 0) {
      go.done().countDown();
      return;
    }
    long started = System.nanoTime();
    persist(new Counted(count + 1), event -> {
      count = event.n();
      go.latencies().record(System.nanoTime() - started);
      next(go, left - 1);
    });
  }
}
