package actors.cluster;

import actors.testsupport.LoopbackCluster;
import actors.testsupport.NodeProcess;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.Terminated;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three JVMs on loopback: this one, which is never killed, and two {@link ChaosNode}s, one of
 * which is killed (SIGKILL) and started again in each round ({@code -Dchaos.rounds}, 2 in verify;
 * more by hand, README's development section) while this node asks both nodes' echo actors
 * without pause. Each round checks that this node's watchers get {@code Terminated} for every
 * actor of the killed node, that the registry forgets the killed node's names, and that no ask
 * hangs: each is answered or fails, with {@link ActorUnreachableException} or
 * {@link AskTimeoutException}, within its timeout. At the end this node's heap after a GC is
 * within a bound of what it was after the first round.
 */
class ChaosTest {

  private static final int ROUNDS = Integer.getInteger("chaos.rounds", 2);
  private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
  private static final long HEAP_BOUND = 16L << 20;

  static ActorSystemOptions options() {
    return new ActorSystemOptions().setName("chaos").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport").setLogDeadLetters(false);
  }

  /** One of the nodes in a JVM of its own, with the references this node holds to its actors. */
  private static final class Jvm {
    final String label;
    Process process;
    // What the traffic asks; null while the node is down.
    volatile ActorRef echo;
    // The references of its current (or last) incarnation.
    ActorRef lastEcho;
    ActorRef silent;

    Jvm(String label) {
      this.label = label;
    }
  }

  private final Map<Long, Long> pendingSince = new ConcurrentHashMap<>();
  private final AtomicLong answered = new AtomicLong();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  // One message per kind of failure, for the report.
  private final Map<String, String> examples = new ConcurrentHashMap<>();

  @Test
  void watchersRegistryAndAsksSurviveNodesKilledAndRestarted() throws Exception {
    LoopbackCluster cluster = new LoopbackCluster();
    ActorSystem observer = LoopbackCluster.start(cluster.name, options());
    List<Jvm> jvms = List.of(new Jvm("b"), new Jvm("c"));
    Random random = new Random(SEED);
    long traffic = -1;
    try {
      for (Jvm jvm : jvms) {
        start(observer, cluster.name, jvm);
      }
      traffic = observer.vertx().setPeriodic(5, id -> jvms.forEach(jvm -> ask(jvm, id)));
      List<Long> heaps = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        Jvm victim = jvms.get(random.nextInt(jvms.size()));
        TestProbe watcher = new TestProbe(observer, Duration.ofSeconds(30));
        watcher.watch(victim.lastEcho);
        watcher.watch(victim.silent);
        // Watches are set up once an answer has come back over them.
        assertThat(await(victim.lastEcho.<String>ask("before the kill"))).isEqualTo("before the kill");
        victim.process.destroyForcibly();
        victim.echo = null;
        assertThat(watcher.receiveN(2)).as("round %d, %s killed", round, victim.label)
            .containsExactlyInAnyOrder(new Terminated(victim.silent), new Terminated(victim.lastEcho));
        awaitForgotten(observer, "chaos-" + victim.label + "-echo");
        awaitForgotten(observer, "chaos-" + victim.label + "-silent");
        noAskHangs();
        start(observer, cluster.name, victim);
        heaps.add(heapAfterGc());
      }
      observer.vertx().cancelTimer(traffic);
      traffic = -1;
      long deadline = System.nanoTime() + ASK_TIMEOUT.multipliedBy(2).toNanos();
      while (!pendingSince.isEmpty() && System.nanoTime() < deadline) {
        noAskHangs();
        Thread.onSpinWait();
      }
      System.out.printf("chaos: seed %d, %d rounds; asks answered %d, failed %s (%s); heap after GC per round %s%n",
          SEED, ROUNDS, answered.get(), failures, examples, heaps);
      assertThat(violations).as("seed " + SEED).isEmpty();
      assertThat(pendingSince).as("asks still pending after their timeout; seed " + SEED).isEmpty();
      assertThat(failures.keySet()).as("how asks failed").allMatch(name ->
          name.equals(ActorUnreachableException.class.getName()) || name.equals(AskTimeoutException.class.getName()));
      assertThat(heaps.get(heaps.size() - 1)).as("heap after GC, last round against first")
          .isLessThanOrEqualTo(heaps.get(0) + HEAP_BOUND);
    } finally {
      if (traffic >= 0) {
        observer.vertx().cancelTimer(traffic);
      }
      for (Jvm jvm : jvms) {
        if (jvm.process != null) {
          jvm.process.destroyForcibly();
        }
      }
      LoopbackCluster.stop(observer);
    }
  }

  private void ask(Jvm jvm, long tick) {
    ActorRef echo = jvm.echo;
    if (echo == null) {
      return;
    }
    long id = tick * 2 + (jvm.label.equals("b") ? 0 : 1);
    pendingSince.put(id, System.nanoTime());
    echo.ask(id, ASK_TIMEOUT).onComplete(result -> {
      pendingSince.remove(id);
      if (result.succeeded()) {
        answered.incrementAndGet();
        if (!Long.valueOf(id).equals(result.result())) {
          violations.add("ask " + id + " answered with " + result.result());
        }
      } else {
        failures.computeIfAbsent(result.cause().getClass().getName(), name -> new AtomicLong()).incrementAndGet();
        examples.putIfAbsent(result.cause().getClass().getName(), result.cause().getMessage());
      }
    });
  }

  /** No ask may stay pending well past its timeout. */
  private void noAskHangs() {
    long now = System.nanoTime();
    long limit = ASK_TIMEOUT.plusSeconds(2).toNanos();
    pendingSince.forEach((id, since) -> {
      if (now - since > limit) {
        violations.add("ask " + id + " pending for " + (now - since) / 1_000_000 + " ms");
        pendingSince.remove(id);
      }
    });
  }

  private void start(ActorSystem observer, String clusterName, Jvm jvm) throws Exception {
    jvm.process = NodeProcess.start(ChaosNode.class, clusterName, jvm.label).process();
    jvm.silent = await(observer.registry().lookup("chaos-" + jvm.label + "-silent"));
    ActorRef echo = await(observer.registry().lookup("chaos-" + jvm.label + "-echo"));
    jvm.lastEcho = echo;
    jvm.echo = echo;
  }

  /** Waits until the registry no longer names an actor of the killed node. */
  private static void awaitForgotten(ActorSystem observer, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Throwable failure = observer.registry().lookup(name).toCompletionStage().toCompletableFuture()
          .handle((ref, error) -> error).get(30, TimeUnit.SECONDS);
      if (failure instanceof ActorNotFoundException) {
        return;
      }
      assertThat(System.nanoTime()).as("the registry still names " + name + " of the killed node").isLessThan(deadline);
      observer.vertx().timer(100).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
