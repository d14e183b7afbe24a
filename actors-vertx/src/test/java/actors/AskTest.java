package actors;

import actors.dispatch.Dispatchers;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AskTest extends SystemTestBase {

  @Test
  void askCompletesWithTheFirstReplyAndLaterRepliesAreDeadLetters(VertxTestContext test) {
    Checkpoint answered = test.checkpoint();
    Checkpoint secondIsDeadLetter = test.checkpoint();
    system.addDeadLetterListener(letter -> {
      if (letter.message().equals("second")) {
        test.verify(() -> assertThat(letter.recipient().path()).startsWith("/temp/"));
        secondIsDeadLetter.flag();
      }
    });
    ActorRef twice = system.actorOf(props((a, m) -> {
      a.reply("first");
      a.reply("second");
    }));
    twice.ask("?").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).isEqualTo("first");
      answered.flag();
    })));
  }

  @Test
  void askCallbacksRunOnTheAskersContext(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo());
    Context asker = vertx.getOrCreateContext();
    asker.runOnContext(v -> echo.ask("hi").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(Vertx.currentContext()).isSameAs(asker);
      test.completeNow();
    }))));
  }

  @Test
  void anAskFromAnActorCompletesOnThatActorsContext(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo());
    system.actorOf(props((a, m) -> {
      Context mine = a.ctx().vertxContext();
      echo.ask("hi").onComplete(test.succeeding(reply -> test.verify(() -> {
        assertThat(Vertx.currentContext()).isSameAs(mine);
        test.completeNow();
      })));
    })).tell("go");
  }

  @Test
  void anUnansweredAskFailsWithATimeoutNamingTargetMessageAndTimeout(VertxTestContext test) {
    ActorRef silent = system.actorOf(props((a, m) -> { }), "silent");
    silent.ask(42, Duration.ofMillis(100)).onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error)
          .isInstanceOf(AskTimeoutException.class)
          .hasMessageContaining("/user/silent")
          .hasMessageContaining("java.lang.Integer")
          .hasMessageContaining("100 ms");
      test.completeNow();
    })));
  }

  @Test
  void theDefaultAskTimeoutComesFromTheOptions(Vertx vertx, VertxTestContext test) {
    ActorSystem quick = ActorSystem.create(vertx, new ActorSystemOptions().setDefaultAskTimeout(Duration.ofMillis(50)));
    quick.actorOf(props((a, m) -> { }), "silent").ask("?").onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isInstanceOf(AskTimeoutException.class).hasMessageContaining("50 ms");
      quick.terminate().onComplete(test.succeedingThenComplete());
    })));
  }

  @Test
  void aReplyAfterTheTimeoutIsADeadLetter(VertxTestContext test) {
    ActorRef[] waiting = new ActorRef[1];
    ActorRef late = system.actorOf(props((a, m) -> {
      if (m.equals("question")) {
        waiting[0] = a.from();
      } else {
        waiting[0].tell("too late", a.me());
      }
    }), "late");
    system.addDeadLetterListener(letter -> {
      if (letter.message().equals("too late")) {
        test.verify(() -> {
          assertThat(letter.sender()).isEqualTo(late);
          assertThat(letter.recipient().path()).startsWith("/temp/");
          test.completeNow();
        });
      }
    });
    late.ask("question", Duration.ofMillis(50)).onComplete(test.failing(error -> late.tell("answer now")));
  }

  @Test
  void anAskToAStoppedActorFailsAtOnce(VertxTestContext test) {
    ActorRef gone = system.actorOf(echo(), "gone");
    system.stop(gone)
        .compose(v -> gone.ask("anyone?", Duration.ofMinutes(5)))
        .onComplete(test.failing(error -> test.verify(() -> {
          assertThat(error).isInstanceOf(AskTimeoutException.class)
              .hasMessageContaining("/user/gone")
              .hasMessageContaining("already stopped");
          test.completeNow();
        })));
  }

  @Test
  void anAskWhoseMessageIsDeadLetteredWhenItsTargetStopsFailsAtOnce(VertxTestContext test) {
    // Held on a worker until the ask's message waits behind a PoisonPill; then it stops, and the
    // message is a dead letter: the ask fails then, not at its five-minute timeout.
    CountDownLatch gate = new CountDownLatch(1);
    ActorRef held = system.actorOf(props((a, m) -> gate.await(10, TimeUnit.SECONDS))
        .withDispatcher(Dispatchers.WORKER), "held");
    held.tell("hold");
    held.tell(PoisonPill.INSTANCE);
    Future<Object> ask = held.ask("anyone?", Duration.ofMinutes(5));
    gate.countDown();
    ask.onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isInstanceOf(AskTimeoutException.class)
          .hasMessageContaining("/user/held")
          .hasMessageContaining("java.lang.String")
          .hasMessageContaining("not delivered (recipient stopped)");
      test.completeNow();
    })));
  }

  @Test
  void aQuestionPassedOnToAStoppedActorLeavesTheAskOpenForAnotherAnswer(VertxTestContext test) {
    ActorRef gone = system.actorOf(echo(), "gone");
    ActorRef relay = system.actorOf(props((a, m) -> {
      gone.forward(m, a.ctx());
      a.reply("from the relay");
    }), "relay");
    system.stop(gone)
        .compose(v -> relay.ask("anyone?", Duration.ofSeconds(5)))
        .onComplete(test.succeeding(answer -> test.verify(() -> {
          assertThat(answer).isEqualTo("from the relay");
          test.completeNow();
        })));
  }

  @Test
  void aZeroOrNegativeTimeoutIsRefused() {
    ActorRef echo = system.actorOf(echo());
    assertThatThrownBy(() -> echo.ask("x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout").hasMessageContaining("PT0S");
    assertThatThrownBy(() -> echo.ask("x", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> echo.ask("x", null))
        .isInstanceOf(NullPointerException.class).hasMessage("timeout");
  }

  @Test
  void asksComposeLikeAnyVertxFuture(VertxTestContext test) {
    ActorRef doubler = system.actorOf(props((a, m) -> a.reply((Integer) m * 2)));
    Future<Integer> chain = doubler.<Integer>ask(1).compose(doubler::ask).compose(doubler::ask);
    Promise<List<Integer>> all = Promise.promise();
    Future.all(chain, doubler.ask(10)).map(cf -> List.<Integer>of(cf.resultAt(0), cf.resultAt(1))).onComplete(all);
    all.future().onComplete(test.succeeding(results -> test.verify(() -> {
      assertThat(results).containsExactly(8, 20);
      test.completeNow();
    })));
  }

  @Test
  void askingDeadLettersFailsAtOnce(VertxTestContext test) {
    system.deadLetters().ask("anyone?").onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isInstanceOf(AskTimeoutException.class).hasMessageContaining("/deadLetters");
      test.completeNow();
    })));
  }

  @Test
  void aStatusFailureReplyFailsTheAskWithItsCause(VertxTestContext test) {
    IllegalStateException cause = new IllegalStateException("out of stock");
    ActorRef shop = system.actorOf(props((a, m) -> a.reply(new Status.Failure(cause))));
    shop.ask("buy").onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isSameAs(cause);
      test.completeNow();
    })));
  }
}
