package actors.partition;

import actors.Actor;
import actors.Props;

/**
 * An entity or singleton of the partition tests that reports its life on standard output, for
 * the test to collect outside the cluster: {@code LIFE START <id> <node> <epoch ms>} in
 * {@code preStart}, {@code LIFE STOP ...} in {@code postStop}. It answers anything with its node.
 */
final class Lived extends Actor {

  private final String id;
  private final String node;

  private Lived(String id, String node) {
    this.id = id;
    this.node = node;
  }

  static Props props(String id, String node) {
    return Props.create(Lived.class, () -> new Lived(id, node));
  }

  @Override
  public void preStart() {
    report("START");
  }

  @Override
  public void postStop() {
    report("STOP");
  }

  private void report(String what) {
    System.out.println("LIFE " + what + " " + id + " " + node + " " + System.currentTimeMillis());
  }

  @Override
  protected void receive(Object message) {
    sender().tell(node, self());
  }
}
