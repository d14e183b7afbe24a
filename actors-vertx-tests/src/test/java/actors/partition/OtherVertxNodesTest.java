package actors.partition;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.monitor.ActorMonitor;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vert.x cluster shared with other applications: three Vert.x nodes that run no actor system,
 * one that runs another system, and one that runs this system without the cluster secret sit in
 * the same Hazelcast cluster as two nodes of the system. The quorum counts only the two (it
 * would otherwise hear 2 of 7 and stand down): both host, and every entity answers from both,
 * also after one more Vert.x node joins.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OtherVertxNodesTest {

  private final LoopbackCluster cluster = new LoopbackCluster();
  private final List<Vertx> bare = new ArrayList<>();
  private final List<ActorSystem> systems = new ArrayList<>();

  @AfterEach
  void stop() {
    for (ActorSystem system : systems) {
      system.terminate().toCompletionStage().toCompletableFuture().handle((done, failure) -> null).join();
    }
    for (Vertx vertx : bare) {
      vertx.close().toCompletionStage().toCompletableFuture().handle((done, failure) -> null).join();
    }
  }

  @Test
  void nodesThatRunNoSystemOrAnotherOrThisOneWithoutTheSecretAreNotCounted() throws Exception {
    for (int i = 0; i < 3; i++) {
      joinBare();
    }
    systems.add(cluster.start(new ActorSystemOptions().setName("another-application")));
    systems.add(cluster.start(LoopbackCluster.insecure(new ActorSystemOptions().setName("cluster-test"))));
    List<ActorSystem> hosts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ActorSystem host = cluster.start();
      systems.add(host);
      hosts.add(host);
      ClusterSharding.get(host).start("echo", id -> ClusterActors.echo(), new ShardingOptions().setNumberOfShards(10))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    everyEntityAnswersFromEvery(hosts);
    joinBare();
    everyEntityAnswersFromEvery(hosts);
    for (ActorSystem host : hosts) {
      assertThat(ActorMonitor.of(host).summary().getString("standingDown")).isNull();
    }
  }

  private void joinBare() throws Exception {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    bare.add(Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(LoopbackCluster.config(cluster.name)))
        .buildClustered().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
  }

  /** Each of 20 entities answers an ask from each host (a first ask may wait for the shard's home). */
  private static void everyEntityAnswersFromEvery(List<ActorSystem> hosts) throws Exception {
    for (ActorSystem host : hosts) {
      for (int i = 0; i < 20; i++) {
        String id = "e" + i;
        Object answer = ClusterSharding.get(host).entityRef("echo", id).ask(id, Duration.ofSeconds(10))
            .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertThat(answer).isEqualTo(id);
      }
    }
  }
}
