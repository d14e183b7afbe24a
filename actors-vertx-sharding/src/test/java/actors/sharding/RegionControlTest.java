package actors.sharding;

import actors.testsupport.LoopbackCluster;
import actors.ActorRef;
import actors.ActorSystem;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import actors.sharding.Tally;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a member sends a region of another node outside the protocol: a released shard out of
 * range, and confirmations asked for nodes that never join. The region keeps running (its
 * entities keep their incarnation) and keeps nothing for them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegionControlTest {

  private final LoopbackCluster cluster = new LoopbackCluster();
  private ActorSystem a;
  private ActorSystem b;

  @AfterEach
  void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  @Test
  void forgedControlMessagesNeitherRestartTheRegionNorPileUp() throws Exception {
    a = cluster.start();
    b = cluster.start();
    ShardingOptions options = new ShardingOptions().setNumberOfShards(4);
    await(ClusterSharding.get(a).start("control-tally", id -> Tally.props(id, null), options));
    await(ClusterSharding.get(b).startProxy("control-tally", options));
    ActorRef entity = ClusterSharding.get(b).entityRef("control-tally", "kept");
    entity.tell(0);
    JsonObject before = await(entity.ask("state"));
    ActorRef region = b.resolve(before.getString("node") + "/user/$sharding.control-tally");

    region.tell(new JsonObject().put("shardReleased", -1));
    region.tell(new JsonObject().put("shardReleased", Integer.MAX_VALUE));
    for (int i = 0; i < 2_000; i++) {
      region.tell(new JsonObject().put("hostJoined", "made-up-" + i));
    }
    long start = System.nanoTime();
    JsonObject after = await(entity.ask("state"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(after.getString("incarnation")).as("the same incarnation: the region did not restart")
        .isEqualTo(before.getString("incarnation"));
    assertThat(after.getLong("count")).isEqualTo(1);
    System.out.println("the ask after 2,002 forged control messages took " + millis + " ms");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
