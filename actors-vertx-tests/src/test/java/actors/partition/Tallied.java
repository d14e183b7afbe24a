package actors.partition;

import actors.Props;
import actors.persistence.PersistentActor;

/**
 * A persistent entity of {@link PartitionTest}: each {@link Add} is persisted as an
 * {@link Added} with the write's id, and acknowledged with the count once durable. Its life (from
 * the end of its recovery, when it may write, to its stop) is reported as {@link Lived}'s is.
 */
final class Tallied extends PersistentActor {

  /** A write, by its id, unique in the run. */
  record Add(String writeId) {
  }

  /** The event. */
  record Added(String writeId) {
  }

  private final String id;
  private final String node;
  private long count;
  private boolean recovered;

  private Tallied(String id, String node) {
    this.id = id;
    this.node = node;
  }

  static Props props(String id, String node) {
    return Props.create(Tallied.class, () -> new Tallied(id, node));
  }

  @Override
  public String persistenceId() {
    return "tallied-" + id;
  }

  @Override
  protected void receiveRecover(Object event) {
    count++;
  }

  @Override
  protected void onRecoveryCompleted() {
    recovered = true;
    System.out.println("LIFE START " + id + " " + node + " " + System.currentTimeMillis());
  }

  @Override
  protected void receiveCommand(Object command) {
    if (command instanceof Add add) {
      persist(new Added(add.writeId()), added -> sender().tell(++count, self()));
    }
  }

  @Override
  public void postStop() {
    // An incarnation stopped before its recovery completed ran no command and reported no START:
    // a STOP of it alone once read as a life from the beginning of time, overlapping the node's last.
    if (recovered) {
      System.out.println("LIFE STOP " + id + " " + node + " " + System.currentTimeMillis());
    }
  }
}
