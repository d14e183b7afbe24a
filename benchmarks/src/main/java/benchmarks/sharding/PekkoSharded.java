package benchmarks.sharding;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * Apache Pekko Cluster Sharding (classic): one or two cluster nodes with Artery TCP on
 * 127.0.0.1, default settings but for logging; the envelope between regions encoded with
 * Pekko's Jackson CBOR serializer, as Pekko users encode their messages. Direct references are
 * actors created on the nodes in turn, reached by path.
 */
final class PekkoSharded implements ShardedCluster {

  /** What goes to the shard region: the entity id, and a numbered message or a question. */
  public record Envelope(String id, long n, String question) {
  }

  private final List<ActorSystem> nodes = new ArrayList<>();
  private final List<ActorRef> direct = new ArrayList<>();
  private final String[] ids = new String[ENTITIES];
  private final ActorRef region;
  private final ActorRef sender;
  private volatile CountDownLatch done;

  PekkoSharded(int count, boolean sharded) throws Exception {
    for (int i = 0; i < count; i++) {
      nodes.add(start());
    }
    Address seed = Cluster.get(nodes.get(0)).selfAddress();
    nodes.forEach(node -> Cluster.get(node).join(seed));
    awaitUp(count);
    for (int e = 0; e < ENTITIES; e++) {
      ids[e] = "e" + e;
    }
    ActorSystem first = nodes.get(0);
    if (sharded) {
      ActorRef firstRegion = null;
      for (ActorSystem node : nodes) {
        ActorRef started = ClusterSharding.get(node).start("entity", Props.create(Entity.class, Entity::new),
            ClusterShardingSettings.create(node), new Extractor());
        firstRegion = firstRegion == null ? started : firstRegion;
      }
      region = firstRegion;
    } else {
      region = null;
      for (int e = 0; e < ENTITIES; e++) {
        ActorSystem home = nodes.get(e % count);
        home.actorOf(Props.create(Entity.class, Entity::new), ids[e]);
        String path = Cluster.get(home).selfAddress() + "/user/" + ids[e];
        direct.add(first.actorSelection(path).resolveOne(Duration.ofSeconds(30)).toCompletableFuture()
            .get(60, TimeUnit.SECONDS));
      }
    }
    sender = first.actorOf(Props.create(Sender.class, Sender::new), "sender");
    for (int e = 0; e < ENTITIES; e++) {
      ask(e, e); // every entity started, every shard allocated
    }
  }

  private static ActorSystem start() {
    return ActorSystem.create("bench", ConfigFactory.parseString(String.join("\n",
            "pekko.loglevel = WARNING",
            "pekko.stdout-loglevel = WARNING",
            "pekko.actor.provider = cluster",
            "pekko.remote.artery.transport = tcp",
            "pekko.remote.artery.canonical.hostname = 127.0.0.1",
            "pekko.remote.artery.canonical.port = 0",
            "pekko.cluster.log-info = off",
            "pekko.cluster.jmx.enabled = off",
            "pekko.actor.serialization-bindings {",
            "  \"" + Envelope.class.getName() + "\" = jackson-cbor",
            "}"))
        .withFallback(ConfigFactory.load()));
  }

  private void awaitUp(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (StreamSupport.stream(Cluster.get(nodes.get(0)).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up()).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Pekko cluster did not form");
      }
      Thread.sleep(50); // set-up, outside any measurement
    }
  }

  static final class Extractor extends ShardRegion.HashCodeMessageExtractor {
    Extractor() {
      super(100);
    }

    @Override
    public String entityId(Object message) {
      return ((Envelope) message).id();
    }

    @Override
    public Object entityMessage(Object message) {
      Envelope envelope = (Envelope) message;
      return envelope.question() == null ? (Object) envelope.n() : envelope.question();
    }
  }

  /** Counts numbered messages ({@code Long}), acknowledging every ACK_EVERY; answers anything else. */
  static final class Entity extends AbstractActor {
    private long received;

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(Long.class, n -> {
            if (++received % ACK_EVERY == 0) {
              getSender().tell(ACK_EVERY, getSelf());
            }
          })
          .matchAny(message -> getSender().tell(message, getSelf()))
          .build();
    }
  }

  final class Sender extends AbstractActor {
    private long sent;
    private long toSend;
    private long acknowledged;

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(Long.class, messages -> {
            toSend = sent + messages;
            for (int i = 0; i < WINDOW && sent < toSend; i++) {
              burst();
            }
          })
          .match(Integer.class, acks -> {
            acknowledged += acks;
            if (sent < toSend && sent - acknowledged <= (long) (WINDOW - 1) * BURST) {
              burst();
            } else if (acknowledged == toSend) {
              done.countDown();
            }
          })
          .build();
    }

    private void burst() {
      for (int i = 0; i < BURST; i++) {
        int entity = (int) (sent % ENTITIES);
        if (region != null) {
          region.tell(new Envelope(ids[entity], sent++, null), getSelf());
        } else {
          direct.get(entity).tell(sent++, getSelf());
        }
      }
    }
  }

  @Override
  public void tell(int messages) throws Exception {
    done = new CountDownLatch(1);
    sender.tell((long) messages, ActorRef.noSender());
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the acknowledgements stopped coming");
    }
  }

  @Override
  public Object ask(int entity, long question) throws Exception {
    Object message = region != null ? new Envelope(ids[entity], 0, "q" + question) : "q" + question;
    ActorRef target = region != null ? region : direct.get(entity);
    return Patterns.ask(target, message, Duration.ofSeconds(10)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    nodes.forEach(ActorSystem::terminate);
    for (ActorSystem node : nodes) {
      node.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
