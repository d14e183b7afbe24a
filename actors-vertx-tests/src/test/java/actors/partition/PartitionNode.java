package actors.partition;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
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
 * {@code MEMBERS <count> [<address>/<id>,...]}, Hazelcast's member list, eldest first. With a fourth argument, a PostgreSQL URI, it also hosts
 * {@value #PERSISTENT} persistent entities ({@link Tallied}), written to by {@code WRITE <round>}.
 * It exits when its input closes.
 */
public final class PartitionNode {

  static final int ENTITIES = 30;
  static final int PERSISTENT = 100;

  private PartitionNode() {
  }

  /**
   * One write to each of the {@value #PERSISTENT} persistent entities, ids {@code <round>-<i>}:
   * {@code ACKED <id>} for each acknowledged, then {@code WROTE <acknowledged> <failed> <first failure>}.
   */
  private static void write(ClusterSharding sharding, String round) {
    List<Future<Object>> writes = new ArrayList<>();
    for (int i = 0; i < PERSISTENT; i++) {
      String writeId = round + "-" + i;
      writes.add(sharding.entityRef("tallied", "p" + i).ask(new Tallied.Add(writeId), Duration.ofSeconds(3))
          .onSuccess(count -> System.out.println("ACKED " + writeId)));
    }
    Future.join(writes).onComplete(all -> {
      long failed = writes.stream().filter(Future::failed).count();
      String first = writes.stream().filter(Future::failed).map(write -> write.cause().getClass().getSimpleName() + ": "
          + write.cause().getMessage()).findFirst().orElse("-");
      System.out.println("WROTE " + (writes.size() - failed) + " " + failed + " " + first.replace('\n', ' '));
    });
  }

  /** Hazelcast's member list as this node sees it, eldest (the master) first: each member's address and id. */
  private static String members(HazelcastClusterManager manager) {
    return manager.getHazelcastInstance().getCluster().getMembers().stream()
        .map(member -> member.getAddress().getHost() + "/" + member.getUuid().toString().substring(0, 8))
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
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
    HazelcastClusterManager manager = new HazelcastClusterManager(config);
    ActorSystem system = ActorSystem.clustered(vertxOptions, manager,
            LoopbackCluster.secured(new ActorSystemOptions().setName("partition-test").addMessagePackage("actors.partition")))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    String node = system.nodeId();
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.start("lived", id -> Lived.props(id, node), new ShardingOptions().setNumberOfShards(ENTITIES))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    ActorRef sole = ClusterSingleton.start(system, "sole", Lived.props("sole", node));
    if (args.length > 3) {
      Persistence.start(system, new PersistenceOptions().setPostgres(args[3]));
      sharding.start("tallied", id -> Tallied.props(id, node), new ShardingOptions().setNumberOfShards(ENTITIES))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    System.out.println("READY " + node);
    System.out.flush();
    int attempts = 0; // every write id is new, whichever round it is sent again in
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
      } else if (line.startsWith("WRITE ")) {
        write(sharding, address + "-" + line.substring("WRITE ".length()) + "-" + ++attempts);
      } else if (line.equals("MEMBERS")) {
        System.out.println("MEMBERS " + ((io.vertx.core.internal.VertxInternal) system.vertx()).clusterManager().getNodes().size()
            + " " + members(manager));
      }
      System.out.flush();
    }
    System.exit(0);
  }
}
