package actors.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.cluster.PartitionOptions;
import actors.cluster.RemoteFailureException;
import actors.grains.sample.Recorder;
import actors.grains.sample.RecorderGrain;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static actors.grains.GrainsTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grains on three Hazelcast nodes in one JVM: typed calls from every node reach one activation per id. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GrainsClusterTest {

  private static final int IDS = 30;
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static final List<ActorSystem> NODES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    for (int i = 0; i < 3; i++) {
      NODES.add(CLUSTER.start(new ActorSystemOptions().setName("grains-cluster").addMessagePackage("actors.grains.sample")
          .setPartitionOptions(new PartitionOptions().setLeaseTime(Duration.ofSeconds(5)).setStopMargin(Duration.ofSeconds(1)))));
    }
    List<Future<Void>> registered = new ArrayList<>();
    for (ActorSystem node : NODES) {
      registered.add(Grains.get(node).register(Recorder.class, RecorderGrain::new,
          new GrainOptions().setCallTimeout(Duration.ofSeconds(10))));
    }
    awaitLong(Future.all(registered), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    LoopbackCluster.stop(NODES.toArray(ActorSystem[]::new));
  }

  @Test
  void callsFromEveryNodeReachOneActivationPerIdInOrder() throws Exception {
    List<Future<Void>> calls = new ArrayList<>();
    for (int id = 0; id < IDS; id++) {
      for (int node = 0; node < NODES.size(); node++) {
        for (int n = 0; n < 3; n++) {
          calls.add(Grains.get(NODES.get(node)).ref(Recorder.class, "order-" + id).quick(node + "." + n));
        }
      }
    }
    awaitLong(Future.all(calls), Duration.ofSeconds(60));
    for (int id = 0; id < IDS; id++) {
      for (ActorSystem asking : NODES) {
        List<String> log = await(Grains.get(asking).ref(Recorder.class, "order-" + id).log());
        assertThat(log).hasSize(9);
        for (int node = 0; node < NODES.size(); node++) {
          String prefix = "quick " + node + ".";
          assertThat(log.stream().filter(entry -> entry.startsWith(prefix)).toList()).as("calls from node %d", node)
              .containsExactly(prefix + 0, prefix + 1, prefix + 2);
        }
      }
    }
  }

  @Test
  void anExceptionCrossesNodesWithItsClassAndMessage() throws Exception {
    int remote = 0;
    for (int id = 0; id < IDS; id++) {
      Recorder recorder = Grains.get(NODES.get(0)).ref(Recorder.class, "failing-" + id);
      Throwable failure = awaitFailure(recorder.fail("boom " + id));
      if (failure instanceof RemoteFailureException crossed) {
        remote++;
        assertThat(crossed.remoteType()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(crossed).hasMessage(IllegalArgumentException.class.getName() + ": boom " + id);
      } else {
        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("boom " + id);
      }
    }
    assertThat(remote).as("activations on the other two nodes").isGreaterThan(0);
  }

  @Test
  void aReferenceInAnArgumentAndAChainBackAcrossNodes() throws Exception {
    for (int pair = 0; pair < 10; pair++) {
      ActorSystem caller = NODES.get(pair % NODES.size());
      Recorder a = Grains.get(caller).ref(Recorder.class, "ping-" + pair);
      Recorder b = Grains.get(caller).ref(Recorder.class, "pong-" + pair);
      assertThat(await(a.ping(b))).isEqualTo("bounced by pong-" + pair);
      assertThat(await(Grains.get(NODES.get((pair + 1) % NODES.size())).ref(Recorder.class, "ping-" + pair).log()))
          .containsExactly("ping", "quick bounced", "pong bounced by pong-" + pair);
    }
  }

  @Test
  void aCallToAGrainTypeNoNodeKnowsFailsClearly() {
    assertThatThrownBy(() -> Grains.get(NODES.get(0)).ref(actors.grains.sample.BadReturn.class, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("returns int");
  }

  private static Throwable awaitFailure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }

  private static <T> T awaitLong(Future<T> future, Duration wait) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}
