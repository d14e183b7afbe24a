package actors;

import actors.event.ActorFailed;
import actors.testkit.TestProbe;
import io.vertx.core.Promise;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StashTest extends SystemTestBase {

  /** Stashes everything until its "connection" (a timer) is open, then answers in order. */
  static final class Client extends Actor implements Stash {
    private enum Connected { INSTANCE }

    @Override
    public void preStart() {
      context().timers().startSingleTimer("connect", Connected.INSTANCE, Duration.ofMillis(50));
    }

    @Override
    protected void receive(Object message) {
      if (message == Connected.INSTANCE) {
        context().become(this::online);
        unstashAll();
      } else {
        stash();
      }
    }

    private void online(Object message) {
      sender().tell("sent " + message, self());
    }
  }

  @Test
  void messagesStashedWhileConnectingAreReplayedInOrderWithTheirSenders() {
    ActorRef client = system.actorOf(Client::new, "client");
    TestProbe first = new TestProbe(system);
    TestProbe second = new TestProbe(system);
    for (int i = 1; i <= 5; i++) {
      (i % 2 == 1 ? first : second).send(client, i);
    }
    assertThat(first.receiveN(3)).containsExactly("sent 1", "sent 3", "sent 5");
    assertThat(second.receiveN(2)).containsExactly("sent 2", "sent 4");
    first.send(client, 6);
    first.expectMsg("sent 6");
  }

  @Test
  void aRestartReturnsTheStashToTheFrontOfTheMailboxInOrder(VertxTestContext test) {
    AtomicInteger instances = new AtomicInteger();
    List<Object> seenByTheNewInstance = new CopyOnWriteArrayList<>();
    Promise<Void> done = Promise.promise();
    class Stashing extends Actor implements Stash {
      private final int generation = instances.incrementAndGet();

      @Override
      protected void receive(Object message) {
        if (generation == 1 && message.equals("boom")) {
          throw new IllegalStateException("restart me");
        } else if (generation == 1) {
          stash();
        } else {
          seenByTheNewInstance.add(message);
          if (message.equals("after")) {
            done.complete();
          }
        }
      }
    }
    ActorRef ref = system.actorOf(Stashing::new);
    ref.tell("a");
    ref.tell("b");
    ref.tell("boom");
    ref.tell("after");
    done.future().onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(seenByTheNewInstance).containsExactly("a", "b", "after");
      test.completeNow();
    })));
  }

  @Test
  void aFullStashFailsTheActorWithStashOverflowException(VertxTestContext test) {
    system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        ActorRef child = context().actorOf(() -> new StashTwo(), "small");
        for (int i = 0; i < 3; i++) {
          child.tell(i);
        }
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(1, Duration.ofMinutes(1), cause -> {
          test.verify(() -> assertThat(cause).isInstanceOf(StashOverflowException.class)
              .hasMessage("the stash of /user/parent/small is full: 2 messages"));
          test.completeNow();
          return Directive.STOP;
        });
      }

      @Override
      protected void receive(Object message) {
      }
    }, "parent");
  }

  static final class StashTwo extends Actor implements Stash {
    @Override
    protected void receive(Object message) {
      stash();
    }

    @Override
    public int stashCapacity() {
      return 2;
    }
  }

  @Test
  void stashedMessagesOfAStoppedActorAreDeadLettersWithTheirSenders(VertxTestContext test) {
    ActorRef stasher = system.actorOf(StashTwo::new, "stasher");
    TestProbe probe = new TestProbe(system);
    system.addDeadLetterListener(letter -> {
      if (letter.message().equals("kept")) {
        test.verify(() -> {
          assertThat(letter.sender()).isEqualTo(probe.ref());
          assertThat(letter.recipient()).isEqualTo(stasher);
        });
        test.completeNow();
      }
    });
    probe.send(stasher, "kept");
    stasher.tell(PoisonPill.INSTANCE);
  }

  @Test
  void stashOutsideAnActorOrOutsideItsMessagesIsRefused() {
    Stash notAnActor = new Stash() { };
    assertThatThrownBy(notAnActor::unstashAll)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unstashAll() needs an actor").hasMessageContaining("does not extend Actor");
    StashTwo[] instance = new StashTwo[1];
    system.actorOf(() -> instance[0] = new StashTwo(), "outside");
    assertThatThrownBy(instance[0]::stash)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stash() of /user/outside must be called while it processes a message");
    assertThatThrownBy(instance[0]::unstashAll)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unstashAll() of /user/outside must be called from the actor's own code");
  }

  @Test
  void stashingTheSameMessageTwiceFailsTheActorAndTheMessageIsStashedOnlyOnce() {
    TestProbe probe = new TestProbe(system);
    system.eventStream().subscribe(probe.ref(), ActorFailed.class);
    AtomicInteger instances = new AtomicInteger();
    class StashesTwice extends Actor implements Stash {
      private final int generation = instances.incrementAndGet();

      @Override
      protected void receive(Object message) {
        if (generation == 1) {
          stash();
          stash();
        } else {
          sender().tell("got " + message, self());
        }
      }
    }
    ActorRef actor = system.actorOf(StashesTwice::new, "twice");
    probe.send(actor, "m");
    ActorFailed failed = probe.expectMsgClass(ActorFailed.class);
    assertThat(failed.cause()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stash() of /user/twice was called twice for the same message");
    assertThat(failed.directive()).isEqualTo(Directive.RESTART);
    // The restart returned the stash to the mailbox: "m" once, then what came after it.
    probe.send(actor, "after");
    assertThat(probe.receiveN(2)).containsExactly("got m", "got after");
  }

  @Test
  void aStashedTerminatedIsDeliveredAgainOnceUnstashed() {
    TestProbe probe = new TestProbe(system);
    ActorRef target = system.actorOf(echo(), "target");
    class Waiter extends Actor implements Stash {
      @Override
      public void preStart() {
        context().watch(target);
      }

      @Override
      protected void receive(Object message) {
        if (message instanceof Terminated) {
          stash();
          probe.ref().tell("stashed", self());
        } else if (message.equals("go")) {
          context().become(this::ready);
          unstashAll();
        }
      }

      private void ready(Object message) {
        if (message instanceof Terminated terminated) {
          probe.ref().tell("terminated " + terminated.actor().path(), self());
        }
      }
    }
    ActorRef waiter = system.actorOf(Waiter::new, "waiter");
    probe.send(waiter, "watching?");
    system.stop(target);
    probe.expectMsg("stashed");
    probe.send(waiter, "go");
    probe.expectMsg("terminated /user/target");
    probe.expectNoMsg();
  }
}
