package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorProxy;
import actors.ActorRef;
import actors.ActorSystem;
import actors.AskTimeoutException;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The references of a clustered node after that node terminated: to an actor of another node,
 * to an entity, to a singleton, and a proxy over a remote reference. None throws for what it
 * cannot deliver; every ask fails with {@link AskTimeoutException} saying it was not delivered.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RemoteDeliveryAfterTerminateTest {

  /** A typed face for the remote echo. */
  public interface Echo {
    Future<Object> echo(String text);
  }

  private final LoopbackCluster cluster = new LoopbackCluster();
  private ActorSystem other;

  @AfterEach
  void stopNodes() throws Exception {
    LoopbackCluster.stop(other);
  }

  @Test
  void referencesOfATerminatedNodeFailTheirAsksAndDropTheirTellsWithoutThrowing() throws Exception {
    ActorSystem node = cluster.start();
    other = cluster.start();
    ActorRef there = other.actorOf(ClusterActors.echo(), "echo");
    for (ActorSystem each : new ActorSystem[] {node, other}) {
      await(ClusterSharding.get(each).start("echo", id -> ClusterActors.echo()));
    }
    Map<String, ActorRef> refs = new LinkedHashMap<>();
    refs.put("remote", node.resolve(other.addressOf(there)));
    refs.put("entity", ClusterSharding.get(node).entityRef("echo", "e1"));
    refs.put("singleton", ClusterSingleton.start(node, "sole", ClusterActors.echo()));
    for (Map.Entry<String, ActorRef> ref : refs.entrySet()) {
      assertThat(await(ref.getValue().<Object>ask("ping"))).as(ref.getKey() + " answers before").isEqualTo("ping");
    }
    Echo proxy = ActorProxy.of(refs.get("remote"), Echo.class);

    await(node.terminate());

    for (Map.Entry<String, ActorRef> entry : refs.entrySet()) {
      ActorRef ref = entry.getValue();
      ref.tell("after");
      ref.tell("after", ref);
      assertNotDelivered(entry.getKey(), ref.ask("after"));
      assertThatThrownBy(() -> ref.ask(null)).as(entry.getKey()).isInstanceOf(NullPointerException.class);
    }
    assertNotDelivered("proxy", proxy.echo("after"));
  }

  private static void assertNotDelivered(String kind, Future<?> answer) {
    assertThatThrownBy(() -> await(answer)).as(kind).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(AskTimeoutException.class).hasMessageContaining("not delivered");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
