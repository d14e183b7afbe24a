package examples.backpressure;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.testkit.ActorSystemExtension;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's mailbox, sampled every millisecond while 20,000 jobs go through: with a window of
 * 32 asks it never holds more than 32; told all at once, it holds thousands.
 */
@ExtendWith({VertxExtension.class, ActorSystemExtension.class})
class FlowControlTest {

  private static final int JOBS = 20_000;
  private static final int WINDOW = 32;

  /** Runs {@code jobs} while sampling the worker's mailbox; completes with the largest size seen. */
  private static Future<Integer> largestMailbox(Vertx vertx, ActorSystem system, ActorRef worker,
                                                Supplier<Future<Void>> jobs) {
    AtomicInteger largest = new AtomicInteger();
    long sampler = vertx.setPeriodic(1, id -> system.inspect(worker)
        .onSuccess(info -> largest.accumulateAndGet(info.mailboxSize(), Math::max)));
    return jobs.get()
        .compose(v -> system.inspect(worker))
        .map(last -> {
          vertx.cancelTimer(sampler);
          return Math.max(largest.get(), last.mailboxSize());
        });
  }

  @Test
  void withAWindowOfAsksTheMailboxNeverHoldsMoreThanTheWindow(Vertx vertx, ActorSystem system, VertxTestContext test) {
    ActorRef worker = system.actorOf(FlowControl.Worker::new, "worker");
    largestMailbox(vertx, system, worker, () -> {
      Promise<Void> done = Promise.promise();
      vertx.runOnContext(v -> new FlowControl.Window(worker, JOBS).start(WINDOW).onComplete(done));
      return done.future();
    }).onComplete(test.succeeding(largest -> test.verify(() -> {
      assertThat(largest).isPositive().isLessThanOrEqualTo(WINDOW);
      test.completeNow();
    })));
  }

  @Test
  void toldAllAtOnceTheMailboxHoldsThousands(Vertx vertx, ActorSystem system, VertxTestContext test) {
    ActorRef worker = system.actorOf(FlowControl.Worker::new, "worker");
    ActorRef ignoresAnswers = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
      }
    }, "sink");
    largestMailbox(vertx, system, worker, () -> {
      for (int i = 0; i < JOBS - 1; i++) {
        worker.tell(i, ignoresAnswers);
      }
      return worker.<Object>ask(JOBS - 1).mapEmpty();
    }).onComplete(test.succeeding(largest -> test.verify(() -> {
      assertThat(largest).isGreaterThan(1_000);
      test.completeNow();
    })));
  }

  @Test
  void theProgramRunsItsHundredThousandJobs() {
    assertThat(examples.Stdout.linesOf(() -> FlowControl.main(new String[0])))
        .containsExactly("100000 jobs done, never more than 64 waiting for the worker");
  }
}
