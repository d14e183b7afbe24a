package actors.testkit;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.Terminated;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith({VertxExtension.class, ActorSystemExtension.class})
class TestProbeTest {

  /** Answers "Hello, <name>!" to its sender. */
  static final class Greeter extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell("Hello, " + message + "!", self());
    }
  }

  @Test
  void theSystemIsHostedOnTheTestsVertx(Vertx vertx, ActorSystem system) {
    assertThat(system.vertx()).isSameAs(vertx);
    assertThat(system.name()).isEqualTo("theSystemIsHostedOnTheTestsVertx");
  }

  @Test
  void expectMsgReturnsTheMessageAndReplyAnswersItsSender(ActorSystem system, TestProbe probe) {
    ActorRef greeter = system.actorOf(Greeter::new, "greeter");
    probe.send(greeter, "world");
    assertThat(probe.expectMsg("Hello, world!")).isEqualTo("Hello, world!");
    assertThat(probe.lastSender()).isEqualTo(greeter);
    TestProbe other = new TestProbe(system);
    other.send(probe.ref(), "ping");
    probe.expectMsg("ping");
    probe.reply("pong");
    other.expectMsg("pong");
  }

  @Test
  void aWrongMessageFailsNamingWhatArrivedAndFromWhom(ActorSystem system, TestProbe probe) {
    ActorRef greeter = system.actorOf(Greeter::new, "greeter");
    probe.send(greeter, "bob");
    assertThatThrownBy(() -> probe.expectMsg("Hello, alice!"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected message <Hello, alice!> (java.lang.String) but received <Hello, bob!> "
            + "(java.lang.String) from /user/greeter");
    assertThatThrownBy(() -> probe.expectMsg(Duration.ofMillis(20), "anything"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected message <anything> (java.lang.String) within 20 ms but received nothing");
  }

  @Test
  void expectMsgClassAndReceiveN(TestProbe probe) {
    probe.ref().tell(1);
    probe.ref().tell("two");
    probe.ref().tell(3L);
    assertThat(probe.expectMsgClass(Integer.class)).isEqualTo(1);
    assertThatThrownBy(() -> probe.expectMsgClass(Integer.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected a message of java.lang.Integer but received <two> (java.lang.String)");
    probe.ref().tell(4L);
    assertThat(probe.receiveN(2)).containsExactly(3L, 4L);
    assertThatThrownBy(() -> probe.receiveN(1, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class).hasMessage("expected 1 messages within 20 ms but received 0: []");
  }

  @Test
  void expectNoMsgFailsWhenAMessageArrives(TestProbe probe) {
    probe.expectNoMsg(Duration.ofMillis(20));
    probe.ref().tell("surprise");
    assertThatThrownBy(probe::expectNoMsg)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected no message within 100 ms but received <surprise>");
  }

  @Test
  void expectTerminatedWatchesTheActor(ActorSystem system, TestProbe probe) {
    ActorRef greeter = system.actorOf(Greeter::new, "greeter");
    system.stop(greeter);
    Terminated terminated = probe.expectTerminated(greeter);
    assertThat(terminated.actor()).isEqualTo(greeter);
    ActorRef alive = system.actorOf(Greeter::new, "alive");
    assertThatThrownBy(() -> probe.expectTerminated(Duration.ofMillis(50), alive))
        .isInstanceOf(AssertionError.class).hasMessage("expected /user/alive to terminate within 50 ms but it did not");
  }

  @Test
  void expectationsRefuseToBlockAnEventLoop(Vertx vertx, TestProbe probe, VertxTestContext test) {
    vertx.runOnContext(v -> test.verify(() -> {
      assertThatThrownBy(() -> probe.expectMsg("x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("TestProbe.expectMsg blocks and must not run on an event loop");
      test.completeNow();
    }));
  }

  @Test
  void aProbeAsksLikeAnyActor(ActorSystem system, TestProbe probe) throws Exception {
    var answer = probe.ref().ask("question?");
    probe.expectMsg("question?");
    probe.reply("answer");
    assertThat(answer.toCompletionStage().toCompletableFuture().get()).isEqualTo("answer");
    assertThat(List.of(probe.lastSender().path())).allMatch(path -> path.startsWith("/temp/"));
  }
}
