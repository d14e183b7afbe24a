package actors.testkit;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Directive;
import actors.Props;
import actors.SupervisorStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Runs scenario classes (nested, so Surefire does not run them itself) and checks how they end. */
class ActorSystemExtensionTest {

  private static Events run(Class<?> scenario) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute().testEvents();
  }

  @Test
  void aTestWithHealthyActorsPasses() {
    run(Healthy.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  @Test
  void aTestThatLeavesAnActorFailingFails() {
    run(LeavesAnActorFailing.class).assertThatEvents().haveExactly(1, test(finishedWithFailure(
        instanceOf(AssertionError.class),
        message(m -> m.startsWith("actors left failing at the end of the test: /user/parent/child ("
            + "java.lang.IllegalStateException: broken)")))));
  }

  @Test
  void aFailureThatEscalatesPastTheGuardianFailsTheTest() {
    run(Escalates.class).assertThatEvents().haveExactly(1, test(finishedWithFailure(
        instanceOf(AssertionError.class),
        message(m -> m.startsWith("a failure escalated past /user and terminated actor system [escalating]")))));
  }

  @Test
  void theSystemIsTerminatedAfterTheTest() {
    run(Healthy.class);
    assertThat(Healthy.system.whenTerminated().isComplete()).isTrue();
  }

  static final CountDownLatch CHILD_FAILED = new CountDownLatch(1);

  static Props failingChildUnderLongBackoff() {
    return Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        context().actorOf(Props.create(() -> new Actor() {
          @Override
          protected void receive(Object message) {
            throw new IllegalStateException("broken");
          }
        }), "child").tell("fail");
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(10, Duration.ofMinutes(1), cause -> {
          CHILD_FAILED.countDown();
          return Directive.RESTART;
        })
            .withBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0);
      }

      @Override
      protected void receive(Object message) {
      }
    });
  }

  @ExtendWith(ActorSystemExtension.class)
  static class Healthy {
    static ActorSystem system;

    @Test
    void greets(ActorSystem system, TestProbe probe) {
      Healthy.system = system;
      ActorRef echo = system.actorOf(() -> new Actor() {
        @Override
        protected void receive(Object message) {
          sender().tell(message, self());
        }
      });
      probe.send(echo, "hi");
      probe.expectMsg("hi");
    }
  }

  @ExtendWith(ActorSystemExtension.class)
  static class LeavesAnActorFailing {
    @Test
    void leavesIt(ActorSystem system) throws InterruptedException {
      system.actorOf(failingChildUnderLongBackoff(), "parent");
      assertThat(CHILD_FAILED.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  static class Escalates {
    @RegisterExtension
    static ActorSystemExtension actors = new ActorSystemExtension(new ActorSystemOptions().setName("escalating")
        .setGuardianStrategy(SupervisorStrategy.oneForOne(0, Duration.ofSeconds(1), cause -> Directive.ESCALATE)));

    @Test
    void escalates(ActorSystem system) throws Exception {
      system.actorOf(() -> new Actor() {
        @Override
        protected void receive(Object message) {
          throw new IllegalStateException("fatal");
        }
      }, "fatal").tell("go");
      // Wait for the end the escalation brings; the extension reports it.
      system.whenTerminated().otherwiseEmpty().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
