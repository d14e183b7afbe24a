package actors;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class MillionActorsTest {

  private static final int ACTORS = 1_000_000;

  /** An actor that only counts its start and its stop. */
  static final class Idle extends Actor {
    private final LongAdder started;
    private final LongAdder stopped;

    Idle(LongAdder started, LongAdder stopped) {
      this.started = started;
      this.stopped = stopped;
    }

    @Override
    public void preStart() {
      started.increment();
    }

    @Override
    protected void receive(Object message) {
      sender().tell(message, self());
    }

    @Override
    public void postStop() {
      stopped.increment();
    }
  }

  @Test
  void aMillionIdleActorsAreCreatedAndAllStopOnTerminate(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("million"));
    LongAdder started = new LongAdder();
    LongAdder stopped = new LongAdder();
    Props props = Props.create(Idle.class, () -> new Idle(started, stopped));
    ActorRef last = null;
    for (int i = 0; i < ACTORS; i++) {
      last = system.actorOf(props);
    }
    // The last actor answers only after its preStart; every earlier one was created before it.
    last.ask("alive?")
        .compose(reply -> system.terminate())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(started.sum()).isEqualTo(ACTORS);
          assertThat(stopped.sum()).isEqualTo(ACTORS);
          test.completeNow();
        })));
  }
}
