package actors;

import actors.dispatch.Dispatchers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimersTest extends SystemTestBase {

  private static final Duration LONG = Duration.ofSeconds(30);

  /** Completes after {@code millis} of the system's Vertx. */
  private Future<Void> after(long millis) {
    return Future.future(p -> vertx.setTimer(millis, id -> p.complete()));
  }

  @Test
  void aSingleTimerDeliversOnceAndIsThenInactive(VertxTestContext test) {
    system.actorOf(props((a, m) -> {
      TimerScheduler timers = a.ctx().timers();
      if (m.equals("start")) {
        timers.startSingleTimer("k", "tick", Duration.ofMillis(10));
        test.verify(() -> assertThat(timers.isTimerActive("k")).isTrue());
      } else if (m.equals("tick")) {
        test.verify(() -> {
          assertThat(timers.isTimerActive("k")).isFalse();
          assertThat(a.from()).isSameAs(system.deadLetters());
        });
        test.completeNow();
      }
    })).tell("start");
  }

  @Test
  void aTimerWithTheSameKeyReplacesTheOldOne(VertxTestContext test) {
    List<Object> seen = new CopyOnWriteArrayList<>();
    system.actorOf(props((a, m) -> {
      if (m.equals("start")) {
        a.ctx().timers().startSingleTimer("k", "first", Duration.ofMillis(20));
        a.ctx().timers().startSingleTimer("k", "second", Duration.ofMillis(60));
      } else {
        seen.add(m);
        test.verify(() -> assertThat(seen).containsExactly("second"));
        test.completeNow();
      }
    })).tell("start");
  }

  @Test
  void aCancelledTimersMessageIsNeverDeliveredEvenWhenAlreadyQueued(VertxTestContext test) {
    // On the calling-thread dispatcher the actor runs on this thread while its timers fire on an
    // event loop, so the tick can be queued behind the message that cancels its timer.
    List<Object> seen = new CopyOnWriteArrayList<>();
    ActorRef ref = system.actorOf(props((a, m) -> {
      if (m.equals("start")) {
        a.ctx().timers().startSingleTimer("k", "tick", Duration.ofMillis(1));
        // A later timer on the same event loop: once it ran, the tick has been queued.
        CountDownLatch tickQueued = new CountDownLatch(1);
        a.ctx().vertxContext().runOnContext(v -> a.ctx().vertxContext().owner()
            .setTimer(30, id -> tickQueued.countDown()));
        assertThat(tickQueued.await(10, TimeUnit.SECONDS)).isTrue();
        a.ctx().timers().cancel("k");
      } else {
        seen.add(m);
      }
    }).withDispatcher(Dispatchers.CALLING_THREAD));
    ref.tell("start");
    ref.tell("after");
    assertThat(seen).containsExactly("after");
    test.completeNow();
  }

  @Test
  void fixedRateAndFixedDelayTimersRepeatUntilCancelled(VertxTestContext test) {
    Checkpoint bothStopped = test.checkpoint(2);
    system.actorOf(props(new FnActor.Behaviour() {
      int rate;
      int delay;

      @Override
      public void receive(FnActor a, Object m) {
        TimerScheduler timers = a.ctx().timers();
        if (m.equals("start")) {
          timers.startTimerAtFixedRate("rate", "rate", Duration.ofMillis(5));
          timers.startTimerWithFixedDelay("delay", "delay", Duration.ofMillis(5));
        } else if (m.equals("rate") && ++rate == 3) {
          timers.cancel("rate");
          test.verify(() -> assertThat(timers.isTimerActive("rate")).isFalse());
          // A fourth tick would arrive here within 5 ms; none may after the cancel.
          a.ctx().vertxContext().owner().setTimer(50, id -> a.me().tell("check-rate"));
        } else if (m.equals("delay") && ++delay == 3) {
          timers.cancel("delay");
          a.ctx().vertxContext().owner().setTimer(50, id -> a.me().tell("check-delay"));
        } else if (m.equals("check-rate")) {
          test.verify(() -> assertThat(rate).isEqualTo(3));
          bothStopped.flag();
        } else if (m.equals("check-delay")) {
          test.verify(() -> assertThat(delay).isEqualTo(3));
          bothStopped.flag();
        }
      }
    })).tell("start");
  }

  @Test
  void timersAreCancelledWhenTheActorStops(VertxTestContext test) {
    ActorRef ref = system.actorOf(props((a, m) -> {
      if (m.equals("start")) {
        a.ctx().timers().startTimerAtFixedRate("k", "tick", Duration.ofMillis(5));
        a.reply("started");
      }
    }));
    ref.ask("start")
        .compose(v -> system.stop(ref))
        .compose(v -> {
          long deadLetters = system.deadLetterCount();
          return after(50).map(deadLetters);
        })
        .onComplete(test.succeeding(before -> test.verify(() -> {
          assertThat(system.deadLetterCount()).as("ticks after the stop").isEqualTo(before);
          test.completeNow();
        })));
  }

  @Test
  void timersAreCancelledOnRestart(VertxTestContext test) {
    List<Object> seen = new CopyOnWriteArrayList<>();
    ActorRef ref = system.actorOf(props((a, m) -> {
      seen.add(m);
      if (m.equals("arm")) {
        a.ctx().timers().startSingleTimer("k", "tick", Duration.ofMillis(20));
      } else if (m.equals("fail")) {
        throw new IllegalStateException("restart me");
      } else if (m.equals("seen?")) {
        a.reply(List.copyOf(seen));
      }
    }));
    ref.tell("arm");
    ref.tell("fail");
    after(80).compose(v -> ref.ask("seen?")).onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).isEqualTo(List.of("arm", "fail", "seen?"));
      test.completeNow();
    })));
  }

  @Test
  void receiveTimeoutArrivesAfterSilenceOnly(VertxTestContext test) {
    Promise<Long> timedOutAt = Promise.promise();
    long[] lastMessageAt = new long[1];
    ActorRef ref = system.actorOf(props((a, m) -> {
      if (m == ReceiveTimeout.INSTANCE) {
        a.ctx().setReceiveTimeout(Duration.ZERO);
        timedOutAt.complete(System.nanoTime());
      } else if (m.equals("start")) {
        a.ctx().setReceiveTimeout(Duration.ofMillis(60));
        test.verify(() -> assertThat(a.ctx().receiveTimeout()).isEqualTo(Duration.ofMillis(60)));
      } else {
        lastMessageAt[0] = System.nanoTime();
      }
    }));
    ref.tell("start");
    // Ten messages 20 ms apart keep it busy for 200 ms: no timeout in between.
    Future<Void> chatter = Future.succeededFuture();
    for (int i = 0; i < 10; i++) {
      chatter = chatter.compose(v -> after(20)).andThen(v -> ref.tell("chat"));
    }
    timedOutAt.future().onComplete(test.succeeding(at -> test.verify(() -> {
      assertThat(TimeUnit.NANOSECONDS.toMillis(at - lastMessageAt[0])).isGreaterThanOrEqualTo(59);
      test.completeNow();
    })));
  }

  @Test
  void badTimerArgumentsAreRefused(VertxTestContext test) {
    system.actorOf(props((a, m) -> {
      test.verify(() -> {
        TimerScheduler timers = a.ctx().timers();
        assertThatThrownBy(() -> timers.startTimerAtFixedRate("k", "m", Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> timers.startSingleTimer("k", "m", Duration.ofMillis(-1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timers.startSingleTimer(null, "m", LONG)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> a.ctx().setReceiveTimeout(Duration.ofMillis(-5)))
            .isInstanceOf(IllegalArgumentException.class);
      });
      test.completeNow();
    })).tell("go");
  }
}
