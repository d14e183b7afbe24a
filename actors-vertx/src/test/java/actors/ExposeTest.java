package actors;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExposeTest extends SystemTestBase {

  record Deposit(String account, long cents) {
  }

  record Balance(String account, long cents) {
  }

  @Override
  ActorSystemOptions options() {
    return super.options().setDefaultAskTimeout(Duration.ofMillis(200));
  }

  /** Keeps balances; a negative deposit is answered with a failure; "ignore-me" gets no reply. */
  private Props bank(List<Object> received) {
    return props(new FnActor.Behaviour() {
      final java.util.Map<String, Long> balances = new java.util.HashMap<>();

      @Override
      public void receive(FnActor a, Object m) {
        received.add(m);
        if (m instanceof Deposit deposit) {
          if (deposit.cents() < 0) {
            a.reply(new Status.Failure(new IllegalArgumentException("negative deposit " + deposit.cents())));
            return;
          }
          long balance = balances.merge(deposit.account(), deposit.cents(), Long::sum);
          a.reply(new Balance(deposit.account(), balance));
        } else if (m.equals("who?")) {
          a.reply(a.from());
        }
      }
    });
  }

  @Test
  void aSendIsATellWithoutSender(VertxTestContext test) {
    List<Object> received = new CopyOnWriteArrayList<>();
    ActorRef bank = system.actorOf(bank(received));
    system.expose(bank, "bank").onComplete(test.succeeding(consumer -> {
      vertx.eventBus().send("bank", new Deposit("alice", 5));
      vertx.eventBus().send("bank", "who?");
      // Ordered after the two sends: the same sender, the same address.
      vertx.eventBus().request("bank", new Deposit("alice", 0)).onComplete(test.succeeding(reply -> test.verify(() -> {
        assertThat(reply.body()).isEqualTo(new Balance("alice", 5));
        assertThat(received).containsExactly(new Deposit("alice", 5), "who?", new Deposit("alice", 0));
        test.completeNow();
      })));
    }));
  }

  @Test
  void aRequestIsAnAskAndRecordsCrossTheBusWithoutCopying(VertxTestContext test) {
    List<Object> received = new CopyOnWriteArrayList<>();
    ActorRef bank = system.actorOf(bank(received));
    Deposit deposit = new Deposit("bob", 250);
    system.expose(bank, "bank")
        .compose(consumer -> vertx.eventBus().<Balance>request("bank", deposit))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply.body()).isEqualTo(new Balance("bob", 250));
          assertThat(received.get(0)).isSameAs(deposit);
          test.completeNow();
        })));
  }

  @Test
  void aFailureReplyFailsTheRequestWithAReplyException(VertxTestContext test) {
    ActorRef bank = system.actorOf(bank(new CopyOnWriteArrayList<>()), "bank");
    system.expose(bank, "bank")
        .compose(consumer -> vertx.eventBus().request("bank", new Deposit("carol", -1)))
        .onComplete(test.failing(error -> test.verify(() -> {
          assertThat(error).isInstanceOf(ReplyException.class);
          ReplyException reply = (ReplyException) error;
          assertThat(reply.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
          assertThat(reply.failureCode()).isEqualTo(ReplyFailures.ACTOR_FAILED);
          assertThat(reply.getMessage()).contains("/user/bank failed the request")
              .contains("IllegalArgumentException: negative deposit -1");
          test.completeNow();
        })));
  }

  @Test
  void noReplyWithinTheAskTimeoutFailsTheRequest(VertxTestContext test) {
    ActorRef silent = system.actorOf(props((a, m) -> { }), "silent");
    system.expose(silent, "silent")
        .compose(consumer -> vertx.eventBus().request("silent", "anyone?"))
        .onComplete(test.failing(error -> test.verify(() -> {
          ReplyException reply = (ReplyException) error;
          assertThat(reply.failureCode()).isEqualTo(ReplyFailures.TIMED_OUT);
          assertThat(reply.getMessage()).contains("ask timed out on /user/silent after 200 ms");
          test.completeNow();
        })));
  }

  @Test
  void aRequestWithANullBodyIsRefused(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo(), "echo");
    system.expose(echo, "echo")
        .compose(consumer -> vertx.eventBus().request("echo", null))
        .onComplete(test.failing(error -> test.verify(() -> {
          assertThat(((ReplyException) error).failureCode()).isEqualTo(ReplyFailures.BAD_MESSAGE);
          assertThat(error).hasMessageContaining("null body");
          test.completeNow();
        })));
  }

  @Test
  void theAddressGoesAwayWhenTheActorStops(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo(), "echo");
    system.expose(echo, "echo")
        .compose(consumer -> vertx.eventBus().request("echo", "ping"))
        .compose(pong -> system.stop(echo))
        .compose(stopped -> vertx.eventBus().request("echo", "ping"))
        .onComplete(noHandlers(test));
  }

  @Test
  void theAddressGoesAwayWhenTheSystemTerminates(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo(), "echo");
    system.expose(echo, "echo")
        .compose(consumer -> system.terminate())
        .compose(terminated -> vertx.eventBus().request("echo", "ping"))
        .onComplete(noHandlers(test));
  }

  @Test
  void unregisteringTheConsumerUnexposes(VertxTestContext test) {
    ActorRef echo = system.actorOf(echo(), "echo");
    system.expose(echo, "echo")
        .compose(consumer -> consumer.unregister())
        .compose(unregistered -> vertx.eventBus().request("echo", "ping"))
        .onComplete(noHandlers(test));
  }

  /** Expects the request that ends a chain to find nobody at its address. */
  private static Handler<AsyncResult<Message<Object>>> noHandlers(VertxTestContext test) {
    return test.failing(error -> test.verify(() -> {
      assertThat(((ReplyException) error).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
      test.completeNow();
    }));
  }

  @Test
  void badExposuresAreRefused() {
    ActorRef echo = system.actorOf(echo());
    ActorSystem other = ActorSystem.create(vertx, new ActorSystemOptions().setName("other"));
    ActorRef foreign = other.actorOf(echo());
    assertThatThrownBy(() -> system.expose(foreign, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an actor of system ExposeTest");
    assertThatThrownBy(() -> system.expose(echo, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address must not be blank");
    assertThatThrownBy(() -> system.expose(echo, null)).isInstanceOf(NullPointerException.class);
    other.terminate();
  }
}
