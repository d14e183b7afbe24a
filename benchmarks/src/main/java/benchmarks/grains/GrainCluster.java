package benchmarks.grains;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.grains.GrainOptions;
import actors.grains.Grains;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import benchmarks.remote.LoopbackHazelcast;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One or two clustered nodes (Hazelcast on loopback) that host {@value #ENTITIES} sharded
 * entities by each route: plain actors reached by {@code entityRef} and {@code ask}, and
 * {@link Echo} grains reached by typed calls; both with 100 shards and the same answer, and all
 * of them on the last node (on two nodes, every call from the first crosses between them).
 */
final class GrainCluster implements AutoCloseable {

  static final int ENTITIES = 100;
  /** The question each answers with its node's id. */
  private static final String WHERE = "where";
  /**
   * Both routes' timeout: the first calls on two nodes may wait for the shards to settle (up to
   * the 10 s hand-off timeout), beyond the default 5 s.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<ActorSystem> nodes = new ArrayList<>();
  private final List<ActorRef> raw = new ArrayList<>();
  private final List<Echo> grains = new ArrayList<>();

  /** {@code count} nodes that host both routes, each with its {@value #ENTITIES} entities on the last node. */
  GrainCluster(int count) throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    for (int i = 0; i < count; i++) {
      nodes.add(await(ActorSystem.clustered(LoopbackHazelcast.vertxOptions(), LoopbackHazelcast.clusterManager(cluster),
          new ActorSystemOptions().setName("bench").addMessagePackage("benchmarks.grains")
              .setClusterSecurity(LoopbackHazelcast.security(true)))));
    }
    ShardingOptions sharding = new ShardingOptions().setNumberOfShards(100);
    List<Future<?>> started = new ArrayList<>();
    for (ActorSystem node : nodes) {
      started.add(Grains.get(node).register(Echo.class, context -> question -> Future.succeededFuture(
              WHERE.equals(question) ? context.system().nodeId() : question),
          new GrainOptions().setSharding(sharding).setCallTimeout(TIMEOUT)));
      started.add(ClusterSharding.get(node).start("echo", id -> Props.create(EchoActor::new), sharding));
    }
    await(Future.all(started));
    // The entities the first node calls: on the last node, so that on two nodes every call crosses
    // between them, whichever route places which id where. Each is started before anything is measured.
    ActorSystem first = nodes.get(0);
    String last = nodes.get(count - 1).nodeId();
    for (int e = 0; grains.size() < ENTITIES || raw.size() < ENTITIES; e++) {
      if (e == 10 * ENTITIES) {
        throw new IllegalStateException("fewer than " + ENTITIES + " of " + e + " entities on node " + last);
      }
      Echo grain = Grains.get(first).ref(Echo.class, "e" + e);
      if (grains.size() < ENTITIES && last.equals(await(grain.echo(WHERE)))) {
        grains.add(grain);
      }
      ActorRef entity = ClusterSharding.get(first).entityRef("echo", "e" + e);
      if (raw.size() < ENTITIES && last.equals(await(entity.ask(WHERE, TIMEOUT)))) {
        raw.add(entity);
      }
    }
  }

  /** One question, typed or raw, to entity {@code entity}, its answer waited for. */
  Object ask(boolean typed, int entity, long question) throws Exception {
    return await(call(typed, entity, "q" + question));
  }

  /** {@code count} questions at once, typed or raw, to the entities in turn; returns once all are answered. */
  void asks(boolean typed, int count) throws Exception {
    List<Future<?>> answers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      answers.add(call(typed, i % ENTITIES, "q"));
    }
    await(Future.all(answers));
  }

  private Future<?> call(boolean typed, int entity, String question) {
    return typed ? grains.get(entity).echo(question) : raw.get(entity).ask(question, TIMEOUT);
  }

  /** Whether {@code route} names the typed call ({@code grain}) rather than the raw ask ({@code raw}). */
  static boolean typed(String route) {
    if (!route.equals("raw") && !route.equals("grain")) {
      throw new IllegalArgumentException("route is raw or grain, was " + route);
    }
    return route.equals("grain");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (ActorSystem node : nodes) {
      await(node.terminate());
    }
  }

  /** Answers what it is given. */
  static final class EchoActor extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell(WHERE.equals(message) ? context().system().nodeId() : message, self());
    }
  }
}
