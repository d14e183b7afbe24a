package actors.partition;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import actors.sharding.ShardingOptions;
import actors.testsupport.LoopbackCluster;
import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node of {@link PartitionTest} in a JVM of its own, bound to its own loopback address
 * (Hazelcast and the event bus, listening and connecting): arguments are the cluster name,
 * this node's address, and every node's address. It hosts {@value #ENTITIES} entities and the
 * singleton "sole", all {@link Lived}, prints {@code READY <nodeId>}, and then obeys lines on
 * its standard input: {@code ASK} asks every entity and the singleton once (2 s timeout) and
 * prints {@code ASKED <answered> <failed> <ms> <first failure>}; {@code MEMBERS} prints
 * {@code MEMBERS <count>}. It exits when its input closes.
 */
public final class PartitionNode {

  static final int ENTITIES = 30;

  private PartitionNode() {
  }

  public static void main(String[] args) throws Exception {
    String address = args[1];
    Config config = LoopbackCluster.config(args[0]);
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.socket.client.bind.any", "false");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "3");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "3");
    NetworkConfig network = config.getNetworkConfig();
    network.getInterfaces().clear();
    network.getInterfaces().setEnabled(true).addInterface(address);
    network.getJoin().getTcpIpConfig().clear().setEnabled(true);
    for (String member : args[2].split(",")) {
      network.getJoin().getTcpIpConfig().addMember(member);
    }
    VertxOptions vertxOptions = new VertxOptions().setEventBusOptions(new BoundEventBusOptions(address));
    ActorSystem system = ActorSystem.clustered(vertxOptions, new HazelcastClusterManager(config),
            LoopbackCluster.secured(new ActorSystemOptions().setName("partition-test").addMessagePackage("actors.partition")))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    String node = system.nodeId();
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.start("lived", id -> Lived.props(id, node), new ShardingOptions().setNumberOfShards(ENTITIES))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    ActorRef sole = ClusterSingleton.start(system, "sole", Lived.props("sole", node));
    System.out.println("READY " + node);
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("ASK")) {
        long start = System.nanoTime();
        List<Future<Object>> asks = new ArrayList<>();
        for (int i = 0; i < ENTITIES; i++) {
          asks.add(sharding.entityRef("lived", "e" + i).ask("where", Duration.ofSeconds(2)));
        }
        asks.add(sole.ask("where", Duration.ofSeconds(2)));
        Future.join(asks).toCompletionStage().handle((all, failure) -> {
          long failed = asks.stream().filter(Future::failed).count();
          String first = asks.stream().filter(Future::failed).map(ask -> ask.cause().getClass().getSimpleName() + ": "
              + ask.cause().getMessage()).findFirst().orElse("-");
          System.out.println("ASKED " + (asks.size() - failed) + " " + failed + " "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " " + first.replace('\n', ' '));
          return null;
        });
      } else if (line.equals("MEMBERS")) {
        System.out.println("MEMBERS " + ((io.vertx.core.internal.VertxInternal) system.vertx()).clusterManager().getNodes().size());
      }
      System.out.flush();
    }
    System.exit(0);
  }
}
