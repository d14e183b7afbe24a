package actors.sharding;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.sharding.impl.Sharding;

/**
 * An actor that runs once across the cluster: every node that starts it is a candidate, one of
 * them runs it, holding a lease in the cluster manager's shared data, and when that node leaves
 * or dies another one starts it afresh. It does not move when a node joins.
 *
 * <p>Each node gets a proxy reference: messages to it reach the one instance wherever it runs;
 * those sent during a take-over wait in a bounded buffer and are delivered, in order, once the
 * new instance runs: each sender's messages reach the old instance and then the new one in the
 * order sent (when the old node leaves; one that dies loses what was on its way to it). Two instances never run at once while the cluster manager is healthy; in a
 * network partition each side that loses sight of the other starts its own (see the manual).
 */
public final class ClusterSingleton {

  private ClusterSingleton() {
  }

  /**
   * Makes this node a candidate to run the singleton {@code name}, made by {@code props}, and
   * returns the proxy to it. Its path is {@code /user/$singleton.<name>/<name>} on the node
   * that runs it.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code name} is empty or holds '/' or white space
   * @throws IllegalStateException    if this node started a singleton of that name already
   */
  public static ActorRef start(ActorSystem system, String name, Props props) {
    return Sharding.of(system).startSingleton(name, props, new ShardingOptions());
  }

  /** The same, with these options (the buffer's size, the hand-off timeout); shards and passivation do not apply. */
  public static ActorRef start(ActorSystem system, String name, Props props, ShardingOptions options) {
    return Sharding.of(system).startSingleton(name, props, options);
  }

  /**
   * A proxy to the singleton {@code name} from a node that is not a candidate to run it.
   *
   * @throws IllegalStateException if this node is a candidate: use the reference {@link #start} returned
   */
  public static ActorRef proxy(ActorSystem system, String name) {
    return Sharding.of(system).singletonProxy(name);
  }
}
