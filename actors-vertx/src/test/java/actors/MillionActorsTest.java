package actors;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class MillionActorsTest {

  private static final String BLOCKED_THREAD_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

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

  /** Vert.x's warnings of an event loop blocked beyond its threshold (2 s by default). */
  private final LogCapture blocked = new LogCapture(BLOCKED_THREAD_LOGGER);

  @AfterEach
  void noEventLoopWasBlocked() {
    blocked.close();
    assertThat(blocked.messages()).as("blocked-thread warnings").noneMatch(message -> message.contains("has been blocked"));
  }

  /**
   * Terminating a million actors stops the guardian's children a slice at a time and takes
   * their notifications a slice at a time: no event loop is blocked for the whole of it.
   */
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

  @Test
  void aParentOfAHundredThousandChildrenStopsThemAllWithoutBlockingItsLoop(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("parent"));
    int children = 100_000;
    LongAdder started = new LongAdder();
    LongAdder stopped = new LongAdder();
    ActorRef parent = system.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        for (int i = 0; i < children; i++) {
          context().actorOf(Props.create(Idle.class, () -> new Idle(started, stopped)));
        }
        sender().tell("created", self());
      }
    }), "parent");
    parent.ask("create them", java.time.Duration.ofSeconds(60))
        .compose(created -> system.stop(parent))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(stopped.sum()).isEqualTo(children);
          assertThat(started.sum()).isEqualTo(children);
          system.terminate().onComplete(test.succeedingThenComplete());
        })));
  }
}
