package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorSystem;
import actors.ActorSystemOptions;

/**
 * A node that {@link ChaosTest} starts, kills and starts again in a JVM of its own: it joins the
 * cluster named by its first argument, serves an echo and a silent actor under registry names
 * made of its second argument, prints {@code READY <nodeId>}, and exits when its standard input
 * closes (its parent is gone).
 */
public final class ChaosNode {

  private ChaosNode() {
  }

  public static void main(String[] args) throws Exception {
    String label = args[1];
    ActorSystem system = LoopbackCluster.start(args[0], ChaosTest.options());
    system.registry().register("chaos-" + label + "-echo", system.actorOf(ClusterActors.echo(), "echo"))
        .compose(done -> system.registry().register("chaos-" + label + "-silent",
            system.actorOf(ClusterActors.silent(), "silent")))
        .toCompletionStage().toCompletableFuture().join();
    System.out.println("READY " + system.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to read: only the end of the stream matters.
    }
    System.exit(0);
  }
}
