package actors.sharding;

import actors.cluster.ActorUnreachableException;
import actors.testsupport.LoopbackCluster;
import actors.testsupport.NodeProcess;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Terminated;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import actors.sharding.Tally;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharded entities and a singleton over three JVMs while traffic flows: this one (A), a second
 * (B) that runs the singleton and a third of the shards, and a third (C) that joins mid-traffic
 * and takes its share. Then B is killed (SIGKILL). What must hold: nothing sent before the kill
 * was lost to the join; what is lost to the kill was sent to B before this node learned that B
 * was gone; nothing is taken twice; the first incarnation of each entity took its messages in
 * order; every entity and the singleton answer again within failure detection plus hand-off;
 * asks in flight to B fail fast with {@link ActorUnreachableException}; and the singleton never
 * ran twice at once (its instances check an epoch counter in Hazelcast).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShardingMultiJvmTest {

  private static final int ENTITIES = 40;
  private static final int MAX_ROUNDS = 100_000;
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(25);
  // Each node's cluster manager reports the death on its own: a message sent just after node A's
  // report can still go through C, which has not seen it yet, to B. Runs saw up to 4 ms.
  private static final long DETECTION_SKEW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final Ledger ledger = new Ledger();

  /** Rounds of numbered messages, one to each entity and to the singleton, every 5 ms, from one thread. */
  private static final class Traffic implements Runnable {
    final AtomicLongArray sentAt = new AtomicLongArray(MAX_ROUNDS);
    final AtomicInteger rounds = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final List<ActorRef> targets;

    Traffic(List<ActorRef> targets) {
      this.targets = targets;
    }

    @Override
    public void run() {
      for (int n = 0; n < MAX_ROUNDS && !stop.get(); n++) {
        sentAt.set(n, System.nanoTime());
        for (ActorRef target : targets) {
          target.tell(n);
        }
        rounds.set(n + 1);
        try {
          Thread.sleep(5); // the pace of the traffic, not a wait for an outcome
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  @Test
  void aJoinMidTrafficLosesNothingAndAKilledNodesEntitiesAndSingletonAnswerAgainElsewhere() throws Exception {
    LoopbackCluster cluster = new LoopbackCluster();
    ActorSystem a = cluster.start();
    await(a.registry().register("ledger", a.actorOf(ledger.props(), "ledger")));
    ActorRef book = await(a.registry().lookup("ledger"));
    await(ClusterSharding.get(a).start("tally", id -> Tally.reporting(id, book), ShardingNode.OPTIONS));
    NodeProcess.Started b = NodeProcess.start(ShardingNode.class, cluster.name, "singleton");
    NodeProcess.Started c = null;
    Thread sender = null;
    try {
      ActorRef sole = ClusterSingleton.start(a, "sole", Sole.props(book));
      assertThat(await(sole.<JsonObject>ask("where", Duration.ofSeconds(20))).getString("node"))
          .as("the singleton runs where it started first").isEqualTo(b.nodeId());
      List<ActorRef> targets = new ArrayList<>();
      for (int e = 0; e < ENTITIES; e++) {
        targets.add(ClusterSharding.get(a).entityRef("tally", "e" + e));
      }
      targets.add(sole);
      Traffic traffic = new Traffic(targets);
      sender = new Thread(traffic, "traffic");
      sender.start();

      awaitRounds(traffic, 100);
      c = NodeProcess.start(ShardingNode.class, cluster.name);
      int joinedAt = traffic.rounds.get();
      awaitRounds(traffic, joinedAt + 300); // 1.5 s of traffic over the new shape

      TestProbe watcher = new TestProbe(a, Duration.ofSeconds(30));
      ActorRef bRegion = a.resolve(b.nodeId() + "/user/$sharding.tally");
      watcher.watch(bRegion);
      assertThat(await(ClusterSharding.get(a).entityRef("tally", "e0").<JsonObject>ask("state")).getLong("count"))
          .isPositive(); // the watch has reached B
      List<Future<JsonObject>> inFlight = new ArrayList<>();
      for (ActorRef target : targets) {
        inFlight.add(target.ask("state", Duration.ofMinutes(2)));
      }
      long killedAt = System.nanoTime();
      b.process().destroyForcibly();
      watcher.expectMsg(new Terminated(bRegion));
      long goneAt = System.nanoTime();
      int goneRound = traffic.rounds.get();
      int unreachable = 0;
      for (Future<JsonObject> ask : inFlight) {
        Throwable failure = ask.toCompletionStage().toCompletableFuture().handle((answer, error) -> error).get(60, TimeUnit.SECONDS);
        if (failure != null) {
          assertThat(failure).isInstanceOf(ActorUnreachableException.class);
          unreachable++;
        }
      }
      Duration recovered = recoveryAfter(targets, killedAt);
      awaitRounds(traffic, goneRound + 200); // 1 s of traffic after the re-allocation
      traffic.stop.set(true);
      sender.join();
      int rounds = traffic.rounds.get();

      System.out.printf("kill -9 of B: failure detected after %d ms; %d asks in flight failed fast; every entity and "
              + "the singleton answered again %d ms after the kill%n", TimeUnit.NANOSECONDS.toMillis(goneAt - killedAt),
          unreachable, recovered.toMillis());
      assertThat(unreachable).as("asks that were with B's entities and the singleton").isPositive();
      assertThat(recovered).isLessThan(RECOVERY_BOUND);

      int lost = 0;
      List<String> outsideTheKill = new ArrayList<>(); // every entity's losses that the kill does not explain
      for (int e = 0; e <= ENTITIES; e++) {
        String id = e == ENTITIES ? "sole" : "e" + e;
        awaitLedger(targets.get(e), id);
        List<Integer> taken = ledger.taken(id);
        assertThat(new HashSet<>(taken)).as(id + " took nothing twice").hasSize(taken.size());
        Set<Integer> missing = new TreeSet<>();
        for (int n = 0; n < rounds; n++) {
          missing.add(n);
        }
        taken.forEach(missing::remove);
        // A loss to the kill was sent to B before every node saw B gone, and not long before the kill.
        List<Integer> unexplained = missing.stream().filter(n -> traffic.sentAt.get(n) >= goneAt + DETECTION_SKEW_NANOS
            || traffic.sentAt.get(n) <= killedAt - 500_000_000L).toList();
        if (!unexplained.isEmpty() || !missing.isEmpty() && !ledger.nodes(id).contains(b.nodeId())) {
          outsideTheKill.add(id + " missed " + missing + ", of which " + unexplained + " sent "
              + unexplained.stream().map(n -> (killedAt - traffic.sentAt.get(n)) / 1_000_000 + " ms").toList()
              + " before the kill; its incarnations: " + ledger.summary(id));
        }
        lost += missing.size();
        Map<String, List<Integer>> incarnations = ledger.byIncarnation(id);
        String firstIncarnation = ledger.reports.stream().filter(report -> report.getString("id").equals(id))
            .findFirst().orElseThrow().getString("incarnation");
        assertThat(incarnations.get(firstIncarnation)).as(id + "'s first incarnation took its messages in order").isSorted();
      }
      assertThat(outsideTheKill).as("messages lost other than to the kill, over rounds 0 to " + (rounds - 1)
          + " (C joined at round " + joinedAt + ", B was seen gone at round " + goneRound + "; A " + a.nodeId() + ", B "
          + b.nodeId() + ", C " + c.nodeId() + ")").isEmpty();
      System.out.printf("%d rounds to %d entities and the singleton: %d messages lost to the kill, all sent to B "
          + "before its loss was detected%n", rounds, ENTITIES, lost);
      assertThat(ledger.nodes("sole")).contains(b.nodeId()).hasSizeGreaterThan(1);
      long violations = await(a.vertx().sharedData().getCounter(Sole.VIOLATIONS).compose(counter -> counter.get()));
      assertThat(violations).as("times a second singleton ran").isZero();
    } finally {
      if (sender != null) {
        sender.interrupt();
      }
      b.process().destroyForcibly();
      if (c != null) {
        c.process().destroyForcibly();
      }
      LoopbackCluster.stop(a);
    }
  }

  /** How long after the kill every target answered, asking again those that fail (unreachable, or timed out). */
  private static Duration recoveryAfter(List<ActorRef> targets, long killedAt) throws Exception {
    long last = killedAt;
    for (ActorRef target : targets) {
      long deadline = killedAt + RECOVERY_BOUND.toNanos();
      while (true) {
        try {
          await(target.<JsonObject>ask("state", Duration.ofSeconds(2)));
          last = Math.max(last, System.nanoTime());
          break;
        } catch (ExecutionException e) {
          assertThat(System.nanoTime()).as(target + " answers again within " + RECOVERY_BOUND).isLessThan(deadline);
        }
      }
    }
    return Duration.ofNanos(last - killedAt);
  }

  /** Waits until the ledger holds every message the entity says it took (reports travel apart from the answer). */
  private void awaitLedger(ActorRef target, String id) throws Exception {
    JsonObject state = await(target.ask("state", Duration.ofSeconds(10)));
    if (!state.containsKey("count")) {
      return; // the singleton does not count
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ledger.byIncarnation(id).getOrDefault(state.getString("incarnation"), List.of()).size() < state.getLong("count")) {
      assertThat(System.nanoTime()).as("the ledger catches up with " + id).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static void awaitRounds(Traffic traffic, int rounds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (traffic.rounds.get() < rounds) {
      assertThat(System.nanoTime()).as("traffic reaches round " + rounds).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
