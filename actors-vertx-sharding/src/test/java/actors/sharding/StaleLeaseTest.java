package actors.sharding;

import actors.ActorSystem;
import actors.internal.SignedEntries;
import actors.internal.SystemServices;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lease held by a live node that does not run its shard, as a split's merge can leave one
 * (the minority's map entries come back into the merged cluster): the shard's owner asks the
 * holder to give it back, and takes the shard. Before, the owner waited for a hand-off that
 * never came, and every message for the shard's entities timed out.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StaleLeaseTest {

  private static final int SHARDS = 8;
  private static final String TYPE = "stale-tally";

  private final LoopbackCluster cluster = new LoopbackCluster();
  private ActorSystem a;
  private ActorSystem b;

  @AfterEach
  void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  @Test
  void aLeaseLeftOnANodeThatDoesNotRunTheShardIsGivenBackToItsOwner() throws Exception {
    a = cluster.start();
    b = cluster.start();
    ShardingOptions options = new ShardingOptions().setNumberOfShards(SHARDS);
    await(ClusterSharding.get(a).start(TYPE, id -> Tally.props(id, null), options));
    await(ClusterSharding.get(b).start(TYPE, id -> Tally.props(id, null), options));

    // Every shard's lease held by node a before any entity ran: those that b owns are stale.
    String map = "actors." + a.name() + ".$sharding." + TYPE + ".leases";
    SignedEntries signed = SystemServices.of(a, "test").remoteProvider().signedEntries();
    AsyncMap<String, String> leases = await(a.vertx().sharedData().<String, String>getAsyncMap(map));
    for (int shard = 0; shard < SHARDS; shard++) {
      String key = String.valueOf(shard);
      await(leases.put(key, signed.sign(map, key, a.nodeId())));
    }

    Set<String> nodes = new HashSet<>();
    Set<Integer> shards = new HashSet<>();
    for (int e = 0; shards.size() < SHARDS; e++) {
      String id = "e" + e;
      if (shards.add(ClusterSharding.get(a).shardOf(TYPE, id))) {
        JsonObject state = await(ClusterSharding.get(a).entityRef(TYPE, id).<JsonObject>ask("state", Duration.ofSeconds(20)));
        nodes.add(state.getString("node"));
      }
    }
    assertThat(nodes).as("the nodes that ran an entity of each shard: b owns some, whose leases a held")
        .containsExactlyInAnyOrder(a.nodeId(), b.nodeId());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
