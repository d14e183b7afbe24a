package actors;

import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/** 100 actors, 1,000,000 messages, 1% of which make the receiver fail. */
@ExtendWith(VertxExtension.class)
class FaultStormTest {

  private static final int ACTORS = 100;
  private static final int MESSAGES = 1_000_000;

  /** Fails on every message divisible by 100; counts every other one it processes. */
  static final class Stormy extends Actor {
    private final AtomicIntegerArray processed;
    private final Set<Thread> threads;

    Stormy(AtomicIntegerArray processed, Set<Thread> threads) {
      this.processed = processed;
      this.threads = threads;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof Integer i) {
        if (i % 100 == 0) {
          throw new IllegalStateException("storm " + i);
        }
        processed.incrementAndGet(i);
      } else {
        threads.add(Thread.currentThread());
        sender().tell("drained", self());
      }
    }
  }

  @Test
  void everyMessageButTheFailingOnesIsProcessedExactlyOnceAndRestartsEqualFailures(VertxTestContext test) {
    ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("storm")
        .setGuardianStrategy(SupervisorStrategy.defaultStrategy().withLoggingEnabled(false)));
    AtomicIntegerArray processed = new AtomicIntegerArray(MESSAGES);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger instances = new AtomicInteger();
    List<ActorRef> actors = new ArrayList<>();
    for (int a = 0; a < ACTORS; a++) {
      actors.add(system.actorOf(Props.create(Stormy.class, () -> {
        instances.incrementAndGet();
        return new Stormy(processed, threads);
      })));
    }
    for (int i = 0; i < MESSAGES; i++) {
      actors.get(i % ACTORS).tell(i);
    }
    // Each ask follows this thread's tells to that actor, so its reply means they are done.
    List<Future<Object>> drained = new ArrayList<>();
    for (ActorRef actor : actors) {
      drained.add(actor.ask("drained?"));
    }
    Future.all(drained)
        .compose(all -> system.terminate())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          int failures = MESSAGES / 100;
          int wrong = 0;
          for (int i = 0; i < MESSAGES; i++) {
            if (processed.get(i) != (i % 100 == 0 ? 0 : 1)) {
              wrong++;
            }
          }
          assertThat(wrong).as("messages not processed exactly once").isZero();
          assertThat(instances.get() - ACTORS).as("restarts").isEqualTo(failures);
          for (Thread thread : threads) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as("%s after terminate", thread.getName()).isFalse();
          }
          test.completeNow();
        })));
  }
}
