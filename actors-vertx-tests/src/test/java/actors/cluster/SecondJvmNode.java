package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorSystem;
import actors.ActorSystemOptions;

/**
 * The node {@link MultiJvmClusterTest} starts in a JVM of its own: it joins the cluster named
 * by its argument, serves an echo and a silent actor under registry names, prints
 * {@code READY <nodeId>}, and exits when its standard input closes (its parent is gone).
 */
public final class SecondJvmNode {

  private SecondJvmNode() {
  }

  public static void main(String[] args) throws Exception {
    ActorSystem system = LoopbackCluster.start(args[0],
        new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport"));
    system.registry().register("jvm2-echo", system.actorOf(ClusterActors.echo(), "echo"))
        .compose(done -> system.registry().register("jvm2-silent", system.actorOf(ClusterActors.silent(), "silent")))
        .toCompletionStage().toCompletableFuture().join();
    System.out.println("READY " + system.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to read: only the end of the stream matters.
    }
    System.exit(0);
  }
}
