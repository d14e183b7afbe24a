package actors.sharding;

import actors.testsupport.LoopbackCluster;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import actors.sharding.ShardingOptions;
import actors.sharding.Tally;

/**
 * The node {@link ShardingMultiJvmTest} starts in a JVM of its own: it joins the cluster named
 * by its first argument, hosts "tally" entities that report to the registered "ledger", is a
 * candidate for the "sole" singleton when its second argument is {@code singleton}, prints
 * {@code READY <nodeId>}, and exits when its standard input closes.
 */
public final class ShardingNode {

  static final ShardingOptions OPTIONS = new ShardingOptions().setNumberOfShards(30);

  private ShardingNode() {
  }

  public static void main(String[] args) throws Exception {
    ActorSystem system = LoopbackCluster.start(args[0],
        new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.sharding").addMessagePackage("actors.testsupport"));
    ActorRef ledger = system.registry().lookup("ledger").toCompletionStage().toCompletableFuture().join();
    ClusterSharding.get(system).start("tally", id -> Tally.reporting(id, ledger), OPTIONS)
        .toCompletionStage().toCompletableFuture().join();
    if (args.length > 1 && args[1].equals("singleton")) {
      ActorRef sole = ClusterSingleton.start(system, "sole", Sole.props(ledger));
      // Ready once it runs: here, the only candidate yet.
      sole.ask("where", java.time.Duration.ofSeconds(30)).toCompletionStage().toCompletableFuture().join();
    }
    System.out.println("READY " + system.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to read: only the end of the stream matters.
    }
    System.exit(0);
  }
}
