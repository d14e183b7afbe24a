package benchmarks.sharding;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import benchmarks.remote.LoopbackHazelcast;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** actors-vertx on clustered Vertx (Hazelcast): {@code ClusterSharding} entity references, or direct references. */
final class OursSharded implements ShardedCluster {

  private final List<ActorSystem> nodes = new ArrayList<>();
  private final List<ActorRef> targets = new ArrayList<>();
  private final ActorRef sender;
  private volatile CountDownLatch done;

  OursSharded(int count, boolean sharded) throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    for (int i = 0; i < count; i++) {
      nodes.add(await(ActorSystem.clustered(LoopbackHazelcast.vertxOptions(), LoopbackHazelcast.clusterManager(cluster),
          new ActorSystemOptions().setName("bench").setClusterSecurity(LoopbackHazelcast.security(true)))));
    }
    ActorSystem first = nodes.get(0);
    if (sharded) {
      List<Future<Void>> started = new ArrayList<>();
      for (ActorSystem node : nodes) {
        started.add(ClusterSharding.get(node).start("entity", id -> Props.create(Entity::new),
            new ShardingOptions().setNumberOfShards(100)));
      }
      await(Future.all(started));
      for (int e = 0; e < ENTITIES; e++) {
        targets.add(ClusterSharding.get(first).entityRef("entity", "e" + e));
      }
    } else {
      for (int e = 0; e < ENTITIES; e++) {
        ActorSystem home = nodes.get(e % count);
        ActorRef entity = home.actorOf(Props.create(Entity::new), "e" + e);
        targets.add(home == first ? entity : first.resolve(home.addressOf(entity)));
      }
    }
    sender = first.actorOf(Props.create(Sender::new), "sender");
    // Every entity started, every shard placed: the first asks may wait for the nodes' views to
    // settle and a shard's hand-off (up to the 10 s hand-off timeout), beyond ask's default 5 s.
    for (int e = 0; e < ENTITIES; e++) {
      await(targets.get(e).ask("q" + e, java.time.Duration.ofSeconds(30)));
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Counts numbered messages ({@code Long}), acknowledging every ACK_EVERY; answers anything else. */
  static final class Entity extends Actor {
    private long received;

    @Override
    protected void receive(Object message) {
      if (message instanceof Long) {
        if (++received % ACK_EVERY == 0) {
          sender().tell(ACK_EVERY, self());
        }
      } else {
        sender().tell(message, self());
      }
    }
  }

  /** Sends round-robin to the entities in bursts, at most WINDOW bursts unacknowledged. */
  final class Sender extends Actor {
    private long sent;
    private long toSend;
    private long acknowledged;

    @Override
    protected void receive(Object message) {
      if (message instanceof Long messages) {
        toSend = sent + messages;
        for (int i = 0; i < WINDOW && sent < toSend; i++) {
          burst();
        }
      } else if (message instanceof Integer acks) {
        acknowledged += acks;
        if (sent < toSend && sent - acknowledged <= (long) (WINDOW - 1) * BURST) {
          burst();
        } else if (acknowledged == toSend) {
          done.countDown();
        }
      }
    }

    private void burst() {
      for (int i = 0; i < BURST; i++) {
        targets.get((int) (sent % ENTITIES)).tell(sent++, self());
      }
    }
  }

  @Override
  public void tell(int messages) throws Exception {
    done = new CountDownLatch(1);
    sender.tell((long) messages);
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the acknowledgements stopped coming");
    }
  }

  @Override
  public Object ask(int entity, long question) throws Exception {
    return await(targets.get(entity).ask("q" + question));
  }

  @Override
  public void close() throws Exception {
    for (ActorSystem node : nodes) {
      await(node.terminate());
    }
  }
}
