package actors.partition;

import actors.ActorSystem;
import actors.monitor.ActorHealth;
import actors.monitor.ActorMonitor;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.healthchecks.Status;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keep-majority on two nodes, one of which vanishes without a word (its Hazelcast terminated,
 * as a crash looks to the other): two nodes make no majority, so only the node with the lower
 * id keeps hosting, and it takes the other's shards over once a quorum (itself, by the
 * tie-break) confirmed the other gone and the lease time passed; the node with the higher id,
 * left alone, stands down and says why, in its health and its asks. The vanished node's JVM
 * lives on: its event bus still answers, so these tests also show that a node whose cluster
 * manager failed neither hosts nor is counted out by the others as if it had left.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StandDownTest {

  private final LoopbackCluster cluster = new LoopbackCluster();
  private final List<ActorSystem> systems = new ArrayList<>();

  @AfterEach
  void stop() {
    for (ActorSystem system : systems) {
      system.terminate().toCompletionStage().toCompletableFuture().handle((done, failure) -> null).join();
    }
  }

  /** Two hosts of "echo" entities, lower node id first. */
  private List<ActorSystem> twoHosts() throws Exception {
    for (int i = 0; i < 2; i++) {
      ActorSystem system = cluster.start();
      systems.add(system);
      ClusterSharding.get(system).start("echo", id -> ClusterActors.echo(), new ShardingOptions().setNumberOfShards(10))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    List<ActorSystem> byId = new ArrayList<>(systems);
    byId.sort(Comparator.comparing(ActorSystem::nodeId));
    return byId;
  }

  private static void vanish(ActorSystem system) {
    ((HazelcastClusterManager) ((VertxInternal) system.vertx()).clusterManager()).getHazelcastInstance()
        .getLifecycleService().terminate();
  }

  @Test
  void theNodeWithTheLowerIdLeftAloneKeepsHostingAndTakesTheOthersShardsOver() throws Exception {
    List<ActorSystem> nodes = twoHosts();
    ActorSystem survivor = nodes.get(0);
    vanish(nodes.get(1));
    for (int i = 0; i < 20; i++) {
      String id = "e" + i;
      Object answer = eventually(() -> ClusterSharding.get(survivor).entityRef("echo", id).ask(id, Duration.ofSeconds(2))
          .toCompletionStage().toCompletableFuture().handle((reply, failure) -> failure == null ? reply : null)
          .get(5, TimeUnit.SECONDS), reply -> reply != null);
      assertThat(answer).isEqualTo(id);
    }
    assertThat(health(survivor).isOk()).isTrue();
    assertThat(ActorMonitor.of(survivor).summary().getString("standingDown")).isNull();
    // The vanished node's JVM lives on without its cluster manager: it hosts nothing and says why.
    Status vanished = eventually(() -> health(nodes.get(1)), read -> !read.isOk());
    assertThat(vanished.getData().getString("reason")).contains("cluster manager fails to list the members");
  }

  @Test
  void theNodeWithTheHigherIdLeftAloneStandsDownAndSaysWhy() throws Exception {
    List<ActorSystem> nodes = twoHosts();
    ActorSystem alone = nodes.get(1);
    vanish(nodes.get(0));
    Status status = eventually(() -> health(alone), read -> !read.isOk());
    assertThat(status.getData().getString("state")).isEqualTo("stood-down");
    assertThat(status.getData().getString("reason")).contains("hears 1 of the 2 members");
    assertThat(ActorMonitor.of(alone).summary().getString("standingDown")).contains("hears 1 of the 2 members");
    Throwable refused = ClusterSharding.get(alone).entityRef("echo", "e1").ask("e1", Duration.ofSeconds(5))
        .toCompletionStage().toCompletableFuture().handle((reply, failure) -> failure).get(5, TimeUnit.SECONDS);
    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("may not host or reach");
  }

  private static Status health(ActorSystem system) throws Exception {
    CompletableFuture<Status> status = new CompletableFuture<>();
    Promise<Status> promise = Promise.promise();
    promise.future().onComplete(done -> status.complete(done.result()));
    ActorHealth.procedure(system).handle(promise);
    return status.get(5, TimeUnit.SECONDS);
  }

  /** {@code read} again until {@code done} holds for what it gives, within 30 s. */
  private static <T> T eventually(Checked<T> read, java.util.function.Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    T last = null;
    while (System.nanoTime() < deadline) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100); // a poll's pace: each read is the outcome itself
    }
    throw new AssertionError("not within 30 s; last: " + last);
  }

  @FunctionalInterface
  private interface Checked<T> {
    T get() throws Exception;
  }
}
