package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.testsupport.NodeProcess;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Terminated;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node in a second JVM, started by the test on its own classpath, joins the cluster, serves
 * actors, and is killed ({@code destroyForcibly}) while asks to it are in flight: this node's
 * watchers get {@code Terminated}, the pending asks fail with {@link ActorUnreachableException}
 * within Hazelcast's failure detection (6 s without heartbeat here), and this node goes on
 * serving its own actors.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiJvmClusterTest {

  private static final Duration FAILURE_DETECTION = Duration.ofSeconds(6);

  @Test
  void aKilledJvmsActorsAreTerminatedAndItsPendingAsksFailFast() throws Exception {
    LoopbackCluster cluster = new LoopbackCluster();
    ActorSystem first = cluster.start();
    NodeProcess.Started started = NodeProcess.start(SecondJvmNode.class, cluster.name);
    Process second = started.process();
    try {
      String secondNode = started.nodeId();
      ActorRef echo = await(first.registry().lookup("jvm2-echo"));
      ActorRef silent = await(first.registry().lookup("jvm2-silent"));
      assertThat(first.addressOf(echo)).isEqualTo(secondNode + "/user/echo");

      TestProbe watcher = new TestProbe(first, Duration.ofSeconds(30));
      watcher.watch(echo);
      watcher.watch(silent);
      // Traffic before the kill: answered, so the watches have reached the second JVM.
      for (int i = 0; i < 1_000; i++) {
        assertThat(await(echo.<Integer>ask(i))).isEqualTo(i);
      }
      List<Future<Object>> pending = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        pending.add(silent.ask("never answered " + i, Duration.ofMinutes(5)));
        pending.add(echo.ask("in flight " + i, Duration.ofMinutes(5)));
      }

      long killed = System.nanoTime();
      second.destroyForcibly();
      assertThat(watcher.receiveN(2)).containsExactlyInAnyOrder(new Terminated(silent), new Terminated(echo));
      int unreachable = 0;
      for (Future<Object> ask : pending) {
        Throwable failure = ask.toCompletionStage().toCompletableFuture().handle((answer, error) -> error)
            .get(30, TimeUnit.SECONDS);
        if (failure != null) {
          assertThat(failure).isInstanceOf(ActorUnreachableException.class);
          unreachable++;
        }
      }
      Duration detected = Duration.ofNanos(System.nanoTime() - killed);
      System.out.println("node loss reached watchers and asks " + detected.toMillis() + " ms after the kill");
      // Every silent ask fails; echo asks fail unless their answer got out before the kill.
      assertThat(unreachable).isGreaterThanOrEqualTo(100);
      assertThat(detected).isLessThan(FAILURE_DETECTION.multipliedBy(3));

      ActorRef local = first.actorOf(ClusterActors.echo(), "still-serving");
      assertThat(await(local.<String>ask("still here"))).isEqualTo("still here");
    } finally {
      second.destroyForcibly();
      LoopbackCluster.stop(first);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
