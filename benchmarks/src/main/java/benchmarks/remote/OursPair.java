package benchmarks.remote;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * actors-vertx on two clustered Vertx: the messages cross the clustered event bus, sealed with
 * the cluster secret (AES-GCM per batch) unless {@code sealed} is false (insecure for development).
 */
final class OursPair implements RemotePair {

  private final ActorSystem first;
  private final ActorSystem second;
  private final ActorRef sender;
  private final ActorRef echo;
  private volatile CountDownLatch done;

  OursPair(boolean sealed) throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    first = start(cluster, sealed);
    second = start(cluster, sealed);
    ActorRef receiver = second.actorOf(Props.create(Receiver::new), "receiver");
    ActorRef echoThere = second.actorOf(Props.create(Echo::new), "echo");
    sender = first.actorOf(Props.create(() -> new Sender(first.resolve(second.addressOf(receiver)))), "sender");
    echo = first.resolve(second.addressOf(echoThere));
  }

  private static ActorSystem start(String cluster, boolean sealed) throws Exception {
    return ActorSystem.clustered(LoopbackHazelcast.vertxOptions(), LoopbackHazelcast.clusterManager(cluster),
        new ActorSystemOptions().setName("bench").setClusterSecurity(LoopbackHazelcast.security(sealed)))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Counts; acknowledges every burst. */
  static final class Receiver extends Actor {
    private long received;

    @Override
    protected void receive(Object message) {
      if (++received % BURST == 0) {
        sender().tell(received, self());
      }
    }
  }

  static final class Echo extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell(message, self());
    }
  }

  /** Sends {@code Integer n} numbered messages in bursts, at most WINDOW bursts unacknowledged. */
  final class Sender extends Actor {
    private final ActorRef target;
    private long sent;
    private long toSend;
    private long acknowledged;

    Sender(ActorRef target) {
      this.target = target;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof Integer messages) {
        toSend = sent + messages;
        for (int i = 0; i < WINDOW && sent < toSend; i++) {
          burst();
        }
      } else if (message instanceof Long upTo) {
        acknowledged = upTo;
        if (sent < toSend) {
          burst();
        } else if (acknowledged == toSend) {
          done.countDown();
        }
      }
    }

    private void burst() {
      for (int i = 0; i < BURST; i++) {
        target.tell(sent++, self());
      }
    }
  }

  @Override
  public void tell(int messages) throws Exception {
    done = new CountDownLatch(1);
    sender.tell(messages);
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the acknowledgements stopped coming");
    }
  }

  @Override
  public Object ask(Object message) throws Exception {
    return echo.ask(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    first.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    second.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
