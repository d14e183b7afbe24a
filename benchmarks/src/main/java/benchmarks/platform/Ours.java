package benchmarks.platform;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** actors-vertx, with default options on a Vertx of its own. */
final class Ours implements Platform {

  private final ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("bench").setLogDeadLetters(false));

  private record OurRef(ActorRef ref) implements Ref {
    @Override
    public void tell(Object message) {
      ref.tell(message);
    }
  }

  /** Runs a behaviour; is its own replier, so a reply allocates nothing. */
  static final class BehaviorActor extends Actor implements Replier {
    private final Behavior behavior;

    BehaviorActor(Behavior behavior) {
      this.behavior = behavior;
    }

    @Override
    protected void receive(Object message) throws Exception {
      behavior.receive(message, this);
    }

    @Override
    public void reply(Object answer) {
      sender().tell(answer, self());
    }
  }

  @Override
  public Ref spawn(Behavior behavior) {
    return new OurRef(system.actorOf(Props.create(BehaviorActor.class, () -> new BehaviorActor(behavior))));
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    return ((OurRef) ref).ref().ask(message, timeout).toCompletionStage();
  }

  @Override
  public void close() {
    try {
      system.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("actors-vertx did not terminate", e);
    }
  }
}
