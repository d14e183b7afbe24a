package actors.metrics;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.metrics.ActorMetrics;
import actors.metrics.ActorMetricsOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames and bytes between two nodes, counted by each node's metrics. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterMetricsTest {

  private final LoopbackCluster cluster = new LoopbackCluster();
  private final List<ActorSystem> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ActorSystem node : nodes) {
      node.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private ActorSystem node(SimpleMeterRegistry registry) throws Exception {
    ActorSystem node = cluster.start(new ActorSystemOptions().setName("metered-cluster").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")
        .setMetricsOptions(new ActorMetricsOptions().setRegistry(registry)));
    nodes.add(node);
    return node;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static double frames(SimpleMeterRegistry registry, String direction) {
    Counter counter = registry.find(ActorMetrics.REMOTE_FRAMES).tags(ActorMetrics.DIRECTION, direction).counter();
    return counter == null ? 0 : counter.count();
  }

  private static DistributionSummary bytes(SimpleMeterRegistry registry, String direction) {
    return registry.find(ActorMetrics.REMOTE_BYTES).tags(ActorMetrics.DIRECTION, direction).summary();
  }

  @Test
  void asksToAnotherNodeAreCountedAsFramesAndBytesBothWays() throws Exception {
    SimpleMeterRegistry onA = new SimpleMeterRegistry();
    SimpleMeterRegistry onB = new SimpleMeterRegistry();
    ActorSystem a = node(onA);
    ActorSystem b = node(onB);
    ActorRef echo = a.resolve(b.addressOf(b.actorOf(ClusterActors.echo(), "echo")));
    double sentBefore = frames(onA, "sent");
    double receivedBefore = frames(onA, "received");
    for (int i = 0; i < 10; i++) {
      assertThat((String) await(echo.ask("hello-" + i))).isEqualTo("hello-" + i);
    }
    // Ten questions out and ten answers back, at least (membership frames may come too).
    assertThat(frames(onA, "sent") - sentBefore).isGreaterThanOrEqualTo(10);
    assertThat(frames(onA, "received") - receivedBefore).isGreaterThanOrEqualTo(10);
    assertThat(frames(onB, "received")).isGreaterThanOrEqualTo(10);
    assertThat(bytes(onA, "sent").totalAmount()).isGreaterThan(10 * "hello-0".length());
    assertThat(bytes(onB, "received").count()).isEqualTo((long) frames(onB, "received"));
  }
}
