package benchmarks.remote;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Apache Pekko remoting: two systems with Artery over TCP on 127.0.0.1, default settings but
 * for logging. {@code Long}, {@code Integer} and {@code String} use Pekko's built-in serializers.
 */
final class PekkoPair implements RemotePair {

  private final ActorSystem first;
  private final ActorSystem second;
  private final ActorRef sender;
  private final ActorRef echo;
  private volatile CountDownLatch done;

  PekkoPair() throws Exception {
    first = start("first");
    second = start("second");
    second.actorOf(Props.create(Receiver.class, Receiver::new), "receiver");
    second.actorOf(Props.create(Echo.class, Echo::new), "echo");
    String secondAddress = ((ExtendedActorSystem) second).provider().getDefaultAddress().toString();
    ActorRef receiver = resolve(secondAddress + "/user/receiver");
    echo = resolve(secondAddress + "/user/echo");
    sender = first.actorOf(Props.create(Sender.class, () -> new Sender(receiver)), "sender");
  }

  private static ActorSystem start(String name) {
    return ActorSystem.create("bench", ConfigFactory.parseString(String.join("\n",
            "pekko.loglevel = WARNING",
            "pekko.stdout-loglevel = WARNING",
            "pekko.actor.provider = remote",
            "pekko.remote.artery.transport = tcp",
            "pekko.remote.artery.canonical.hostname = 127.0.0.1",
            "pekko.remote.artery.canonical.port = 0"))
        .withFallback(ConfigFactory.load()));
  }

  private ActorRef resolve(String path) throws Exception {
    return first.actorSelection(path).resolveOne(Duration.ofSeconds(30)).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static final class Receiver extends AbstractActor {
    private long received;

    @Override
    public Receive createReceive() {
      return receiveBuilder().matchAny(message -> {
        if (++received % BURST == 0) {
          getSender().tell(received, getSelf());
        }
      }).build();
    }
  }

  static final class Echo extends AbstractActor {
    @Override
    public Receive createReceive() {
      return receiveBuilder().matchAny(message -> getSender().tell(message, getSelf())).build();
    }
  }

  final class Sender extends AbstractActor {
    private final ActorRef target;
    private long sent;
    private long toSend;

    Sender(ActorRef target) {
      this.target = target;
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(Integer.class, messages -> {
            toSend = sent + messages;
            for (int i = 0; i < WINDOW && sent < toSend; i++) {
              burst();
            }
          })
          .match(Long.class, upTo -> {
            if (sent < toSend) {
              burst();
            } else if (upTo == toSend) {
              done.countDown();
            }
          })
          .build();
    }

    private void burst() {
      for (int i = 0; i < BURST; i++) {
        target.tell(sent++, getSelf());
      }
    }
  }

  @Override
  public void tell(int messages) throws Exception {
    done = new CountDownLatch(1);
    sender.tell(messages, ActorRef.noSender());
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the acknowledgements stopped coming");
    }
  }

  @Override
  public Object ask(Object message) throws Exception {
    return Patterns.ask(echo, message, Duration.ofSeconds(10)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    first.terminate();
    second.terminate();
    first.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    second.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
