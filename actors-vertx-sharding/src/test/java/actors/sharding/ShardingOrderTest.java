package actors.sharding;

import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import actors.sharding.ShardingOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-sender order across hand-offs, under traffic: senders on every node send numbered
 * messages without pause to 60 entities and a singleton while a node joins and the singleton's
 * node leaves. Every target must take each sender's numbers exactly once, and in the order they
 * were sent, across all its incarnations.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShardingOrderTest {

  private static final int ENTITIES = 60;
  private static final String SINGLETON = "solo";
  private static final Duration TICK = Duration.ofMillis(20);

  private final LoopbackCluster cluster = new LoopbackCluster();
  private final List<ActorSystem> nodes = new ArrayList<>();
  private final List<ActorRef> senders = new ArrayList<>();
  private final List<ActorRef> singletons = new ArrayList<>();
  // target|sender -> incarnation -> the numbers it took from that sender, in its order
  private final Map<String, Map<String, List<Integer>>> taken = new ConcurrentHashMap<>();
  private final Map<String, String> incarnationNodes = new ConcurrentHashMap<>();
  private ActorRef collector;

  @AfterEach
  void stopNodes() throws Exception {
    LoopbackCluster.stop(nodes.toArray(ActorSystem[]::new));
  }

  @Test
  void eachSenderKeepsItsOrderToEntitiesAndASingletonAcrossAJoinAndALeave() throws Exception {
    for (int i = 0; i < 3; i++) {
      join();
    }
    awaitRounds(40);

    join();
    awaitRounds(40);

    String singletonNode = await(singletons.get(0).<JsonObject>ask("where", Duration.ofSeconds(20))).getString("node");
    ActorSystem leaving = nodes.stream().filter(node -> node.nodeId().equals(singletonNode)).findFirst().orElseThrow();
    await(ClusterSharding.get(leaving).leave());
    awaitRounds(40);

    Map<String, Integer> sent = new ConcurrentHashMap<>();
    for (ActorRef sender : senders) {
      JsonObject stopped = await(sender.ask("stop"));
      sent.put(stopped.getString("sender"), stopped.getInteger("rounds"));
    }
    awaitAllTaken(sent);

    int moved = 0;
    List<String> broken = new ArrayList<>();
    for (String target : targets()) {
      for (Map.Entry<String, Integer> sender : sent.entrySet()) {
        Map<String, List<Integer>> incarnations = taken.get(target + "|" + sender.getKey());
        List<Integer> inOrder = incarnations.values().stream()
            .filter(numbers -> !numbers.isEmpty())
            .sorted(Comparator.comparing(numbers -> numbers.get(0)))
            .flatMap(List::stream).toList();
        if (!inOrder.equals(IntStream.range(0, sender.getValue()).boxed().toList())) {
          broken.add(target + " from " + sender.getKey() + ", per incarnation: " + incarnations.entrySet().stream()
              .map(incarnation -> "node-" + nodeIndex(incarnationNodes.get(incarnation.getKey())) + " " + incarnation.getValue())
              .toList());
        }
        moved = Math.max(moved, incarnations.size());
      }
    }
    assertThat(broken).as("targets that took a sender's numbers out of order, twice or not at all (node-"
        + nodeIndex(leaving.nodeId()) + " left)").isEmpty();
    Map<String, List<Integer>> singleton = taken.get(SINGLETON + "|" + sent.keySet().iterator().next());
    assertThat(singleton).as("incarnations of the singleton, which moved once").hasSize(2);
    assertThat(moved).as("most incarnations of one entity: some moved").isGreaterThan(1);
    for (ActorSystem node : nodes) {
      assertThat(node.deadLetterCount()).as("dead letters on " + node.nodeId()).isZero();
    }
  }

  /** The node's place in the order the nodes joined, from 1 as the senders' names. */
  private int nodeIndex(String nodeId) {
    return 1 + nodes.stream().map(ActorSystem::nodeId).toList().indexOf(nodeId);
  }

  /** A node that hosts the entities and is a candidate for the singleton, with a sender of its own. */
  private void join() throws Exception {
    ActorSystem node = cluster.start();
    if (nodes.isEmpty()) {
      collector = node.actorOf(Props.create(Collector::new), "collector");
      await(node.registry().register("collector", collector));
    }
    nodes.add(node);
    System.out.println("node-" + nodes.size() + " = " + node.nodeId());
    ActorRef report = await(node.registry().lookup("collector"));
    await(ClusterSharding.get(node).start("seq", id -> Sequencer.props(id, report),
        new ShardingOptions().setNumberOfShards(30)));
    ActorRef singleton = ClusterSingleton.start(node, SINGLETON, Sequencer.props(SINGLETON, report));
    singletons.add(singleton);
    List<ActorRef> targets = new ArrayList<>();
    for (String target : targets()) {
      targets.add(target.equals(SINGLETON) ? singleton : ClusterSharding.get(node).entityRef("seq", target));
    }
    senders.add(node.actorOf(Props.create(() -> new Sender("sender-" + nodes.size(), targets)), "sender"));
  }

  private static List<String> targets() {
    List<String> targets = new ArrayList<>(IntStream.range(0, ENTITIES).mapToObj(e -> "e" + e).toList());
    targets.add(SINGLETON);
    return targets;
  }

  /** Waits until every sender has sent {@code rounds} more rounds: traffic flows across each step. */
  private void awaitRounds(int rounds) throws Exception {
    List<Future<Object>> reached = new ArrayList<>();
    for (ActorRef sender : senders) {
      reached.add(sender.ask(new After(rounds), Duration.ofSeconds(60)));
    }
    await(Future.all(reached));
  }

  /** Waits until every target has reported every number each sender sent it (or fails after 60 s). */
  private void awaitAllTaken(Map<String, Integer> sent) throws Exception {
    CountDownLatch complete = new CountDownLatch(1);
    collector.tell(new Expect(sent, complete));
    assertThat(complete.await(60, TimeUnit.SECONDS)).as("every number reported; have " + taken.keySet().size()
        + " target/sender pairs").isTrue();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  record After(int rounds) {
  }

  record Expect(Map<String, Integer> sent, CountDownLatch complete) {
  }

  /** Sends round after round, each number to every target, one round a tick, until told to stop. */
  private static final class Sender extends Actor {

    private final String name;
    private final List<ActorRef> targets;
    private final List<Map.Entry<Integer, Promise<Object>>> waiting = new ArrayList<>();
    private int round;

    Sender(String name, List<ActorRef> targets) {
      this.name = name;
      this.targets = targets;
    }

    @Override
    public void preStart() {
      context().timers().startTimerWithFixedDelay("tick", "tick", TICK);
    }

    @Override
    protected void receive(Object message) {
      if ("tick".equals(message)) {
        for (ActorRef target : targets) {
          target.tell(new JsonObject().put("s", name).put("n", round), self());
        }
        round++;
        waiting.removeIf(after -> {
          if (round >= after.getKey()) {
            after.getValue().complete(round);
            return true;
          }
          return false;
        });
      } else if (message instanceof After after) {
        Promise<Object> reached = Promise.promise();
        ActorRef asker = sender();
        reached.future().onSuccess(rounds -> asker.tell(rounds, self()));
        waiting.add(Map.entry(round + after.rounds(), reached));
      } else if ("stop".equals(message)) {
        context().timers().cancel("tick");
        for (ActorRef target : targets) {
          target.tell(new JsonObject().put("done", name), self());
        }
        sender().tell(new JsonObject().put("sender", name).put("rounds", round), self());
      } else {
        unhandled(message);
      }
    }
  }

  /** Keeps what the incarnations report, the last report of each; says when every number is in. */
  private final class Collector extends Actor {

    private Expect expected;

    @Override
    protected void receive(Object message) {
      if (message instanceof JsonObject report) {
        List<Integer> numbers = report.getJsonArray("numbers").stream().map(Integer.class::cast).toList();
        taken.computeIfAbsent(report.getString("target") + "|" + report.getString("sender"), key -> new ConcurrentHashMap<>())
            .put(report.getString("incarnation"), numbers);
        incarnationNodes.put(report.getString("incarnation"), report.getString("node"));
      } else if (message instanceof Expect expect) {
        expected = expect;
      } else {
        unhandled(message);
      }
      if (expected != null && complete()) {
        expected.complete().countDown();
      }
    }

    private boolean complete() {
      for (String target : targets()) {
        for (Map.Entry<String, Integer> sender : expected.sent().entrySet()) {
          Map<String, List<Integer>> incarnations = taken.get(target + "|" + sender.getKey());
          long distinct = incarnations == null ? 0
              : incarnations.values().stream().flatMap(List::stream).distinct().count();
          if (distinct < sender.getValue()) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
