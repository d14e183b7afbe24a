package benchmarks.platform;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Apache Pekko classic actors with the default dispatcher settings; only logging is quieter. */
final class Pekko implements Platform {

  private final ActorSystem system = ActorSystem.create("bench", ConfigFactory.parseString(
      "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\npekko.log-dead-letters = off")
      .withFallback(ConfigFactory.load()));

  private record PekkoRef(ActorRef ref) implements Ref {
    @Override
    public void tell(Object message) {
      ref.tell(message, ActorRef.noSender());
    }
  }

  /** Runs a behaviour; is its own replier. */
  static final class BehaviorActor extends AbstractActor implements Replier {
    private final Behavior behavior;

    BehaviorActor(Behavior behavior) {
      this.behavior = behavior;
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder().matchAny(message -> behavior.receive(message, this)).build();
    }

    @Override
    public void reply(Object answer) {
      getSender().tell(answer, getSelf());
    }
  }

  @Override
  public Ref spawn(Behavior behavior) {
    return new PekkoRef(system.actorOf(Props.create(BehaviorActor.class, () -> new BehaviorActor(behavior))));
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    return Patterns.ask(((PekkoRef) ref).ref(), message, timeout);
  }

  @Override
  public void close() {
    try {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Pekko did not terminate", e);
    }
  }
}
