package actors;

import actors.testkit.TestProbe;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest extends SystemTestBase {

  /** Records its lifecycle in a shared log and creates the children it is told to. */
  static final class Recorder extends Actor {
    private final List<String> log;
    private final int depth;

    Recorder(List<String> log, int depth) {
      this.log = log;
      this.depth = depth;
    }

    @Override
    public void preStart() {
      log.add("preStart " + self().path());
      if (depth > 0) {
        for (String name : List.of("a", "b")) {
          context().actorOf(() -> new Recorder(log, depth - 1), name);
        }
      }
    }

    @Override
    protected void receive(Object message) {
      log.add("receive " + message);
      sender().tell(message, self());
    }

    @Override
    public void postStop() {
      log.add("postStop " + self().path());
    }
  }

  @Test
  void preStartRunsBeforeTheFirstMessage(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    ActorRef actor = system.actorOf(() -> new Recorder(log, 0), "r");
    actor.tell("one");
    actor.ask("two").onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(log).containsExactly("preStart /user/r", "receive one", "receive two");
      test.completeNow();
    })));
  }

  @Test
  void stopCompletesAfterPostStopAndLaterMessagesAreDeadLetters(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    ActorRef actor = system.actorOf(() -> new Recorder(log, 0), "r");
    Checkpoint deadLetter = test.checkpoint();
    Checkpoint stopped = test.checkpoint();
    system.addDeadLetterListener(letter -> {
      if (letter.message().equals("after")) {
        test.verify(() -> assertThat(letter.recipient()).isEqualTo(actor));
        deadLetter.flag();
      }
    });
    actor.ask("before")
        .compose(v -> system.stop(actor))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(log).containsExactly("preStart /user/r", "receive before", "postStop /user/r");
          long before = system.deadLetterCount();
          actor.tell("after");
          assertThat(system.deadLetterCount()).isEqualTo(before + 1);
          stopped.flag();
        })));
  }

  @Test
  void stoppingAParentStopsChildrenFirstAndRunsEachPostStopOnce(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    ActorRef root = system.actorOf(() -> new Recorder(log, 2), "top");
    root.ask("ready?")
        .compose(v -> system.stop(root))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          List<String> stops = log.stream().filter(l -> l.startsWith("postStop ")).map(l -> l.substring(9)).toList();
          assertThat(stops).hasSize(7).doesNotHaveDuplicates();
          // Every actor stops after all its descendants.
          for (String path : stops) {
            for (String other : stops) {
              if (other.startsWith(path + "/")) {
                assertThat(stops.indexOf(other)).as(other + " before " + path).isLessThan(stops.indexOf(path));
              }
            }
          }
          assertThat(stops.get(6)).isEqualTo("/user/top");
          test.completeNow();
        })));
  }

  @Test
  void terminateStopsEveryActorChildrenFirst(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    ActorSystem own = ActorSystem.create(vertx);
    ActorRef one = own.actorOf(() -> new Recorder(log, 1), "one");
    ActorRef two = own.actorOf(() -> new Recorder(log, 1), "two");
    one.ask("ready?").compose(v -> two.ask("ready?"))
        .compose(v -> own.terminate())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          List<String> stops = log.stream().filter(l -> l.startsWith("postStop ")).toList();
          assertThat(stops).containsExactlyInAnyOrder("postStop /user/one/a", "postStop /user/one/b", "postStop /user/one",
              "postStop /user/two/a", "postStop /user/two/b", "postStop /user/two");
          assertThat(stops.indexOf("postStop /user/one")).isGreaterThan(stops.indexOf("postStop /user/one/a"))
              .isGreaterThan(stops.indexOf("postStop /user/one/b"));
          test.completeNow();
        })));
  }

  @Test
  void poisonPillProcessesEverythingQueuedBeforeIt(VertxTestContext test) {
    List<Object> processed = new CopyOnWriteArrayList<>();
    Checkpoint deadLetter = test.checkpoint();
    Checkpoint stopped = test.checkpoint();
    system.addDeadLetterListener(letter -> {
      if (letter.message().equals("after the pill")) {
        deadLetter.flag();
      }
    });
    ActorRef actor = system.actorOf(() -> new FnActor((a, m) -> processed.add(m)));
    ActorRef watcher = system.actorOf(props((a, m) -> {
      if (m instanceof ActorRef ref) {
        a.ctx().watch(ref);
        a.reply("watching");
      } else if (m instanceof Terminated) {
        test.verify(() -> {
          assertThat(processed).hasSize(100).startsWith(0, 1, 2).endsWith(99);
          stopped.flag();
        });
      }
    }));
    watcher.ask(actor).onComplete(test.succeeding(v -> {
      for (int i = 0; i < 100; i++) {
        actor.tell(i);
      }
      actor.tell(PoisonPill.INSTANCE);
      actor.tell("after the pill");
    }));
  }

  @Test
  void contextStopOfAChildFreesItsName(VertxTestContext test) {
    ActorRef parent = system.actorOf(props((a, m) -> {
      if (m.equals("create")) {
        a.ctx().watch(a.ctx().actorOf(echo(), "kid"));
        a.ctx().stop(a.ctx().child("kid").orElseThrow());
      } else if (m instanceof Terminated) {
        test.verify(() -> {
          assertThat(a.ctx().children()).isEmpty();
          assertThat(a.ctx().actorOf(echo(), "kid").path()).isEqualTo("/user/parent/kid");
          test.completeNow();
        });
      }
    }), "parent");
    parent.tell("create");
  }

  @Test
  void contextStopOfAStrangerIsRefused(VertxTestContext test) {
    ActorRef stranger = system.actorOf(echo(), "stranger");
    system.actorOf(props((a, m) -> test.verify(() -> {
      assertThatThrownBy(() -> a.ctx().stop(stranger))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("/user/stranger");
      test.completeNow();
    }))).tell("go");
  }

  @Test
  void anActorCanStopItself(VertxTestContext test) {
    AtomicInteger stops = new AtomicInteger();
    ActorRef actor = system.actorOf(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        context().stop(self());
        sender().tell("stopping", self());
      }

      @Override
      public void postStop() {
        stops.incrementAndGet();
      }
    });
    actor.ask("stop yourself")
        .compose(reply -> system.stop(actor))
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(stops).hasValue(1);
          test.completeNow();
        })));
  }

  @Test
  void deadLettersAreCountedWithSenderAndRecipient(VertxTestContext test) {
    ActorRef gone = system.actorOf(echo(), "gone");
    ActorRef sender = system.actorOf(echo(), "sender");
    Map<Object, DeadLetter> letters = new ConcurrentHashMap<>();
    system.addDeadLetterListener(letter -> letters.put(letter.message(), letter));
    system.stop(gone).onComplete(test.succeeding(v -> test.verify(() -> {
      long before = system.deadLetterCount();
      for (int i = 0; i < 5; i++) {
        gone.tell(i, sender);
      }
      assertThat(system.deadLetterCount()).isEqualTo(before + 5);
      assertThat(letters.get(3)).isEqualTo(new DeadLetter(3, sender, gone));
      test.completeNow();
    })));
  }

  @Test
  void aRemovedDeadLetterListenerIsNotCalled(VertxTestContext test) {
    List<DeadLetter> seen = new CopyOnWriteArrayList<>();
    io.vertx.core.Handler<DeadLetter> listener = seen::add;
    system.addDeadLetterListener(listener);
    system.deadLetters().tell("one");
    system.removeDeadLetterListener(listener);
    system.deadLetters().tell("two");
    test.verify(() -> {
      assertThat(seen).extracting(DeadLetter::message).containsExactly("one");
      assertThat(system.deadLetterCount()).isEqualTo(2);
      test.completeNow();
    });
  }

  /** Logs its hooks with its generation; its start hooks throw in the generations told. */
  static final class Fragile extends Actor {
    private final List<String> log;
    private final Set<Integer> failingStarts;
    private final int generation;

    Fragile(List<String> log, Set<Integer> failingStarts, AtomicInteger generations) {
      this.log = log;
      this.failingStarts = failingStarts;
      this.generation = generations.incrementAndGet();
    }

    @Override
    public void preStart() {
      log.add("preStart " + generation);
      if (failingStarts.contains(generation)) {
        throw new IllegalStateException("cannot start " + generation);
      }
    }

    @Override
    public void postRestart(Throwable reason) throws Exception {
      log.add("postRestart " + generation);
      super.postRestart(reason);
    }

    @Override
    public void preRestart(Throwable reason, Object message) throws Exception {
      log.add("preRestart " + generation);
      super.preRestart(reason, message);
    }

    @Override
    public void postStop() {
      log.add("postStop " + generation);
    }

    @Override
    protected void receive(Object message) {
      if (message.equals("fail")) {
        throw new IllegalArgumentException("fail");
      }
      sender().tell(generation, self());
    }
  }

  /** A parent that restarts {@link Fragile} up to three times and tells {@code probe} when it stops. */
  private ActorRef fragileParent(List<String> log, Set<Integer> failingStarts, TestProbe probe) {
    AtomicInteger generations = new AtomicInteger();
    return system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(context().actorOf(() -> new Fragile(log, failingStarts, generations), "fragile"));
      }

      @Override
      protected void receive(Object message) {
        if (message instanceof Terminated) {
          probe.ref().tell("stopped", self());
        } else {
          context().child("fragile").orElseThrow().forward(message, context());
        }
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(3, Duration.ofMinutes(1), cause -> Directive.RESTART)
            .withLoggingEnabled(false);
      }
    });
  }

  @Test
  void anInstanceWhosePreStartThrowsNeverStartedSoItGetsNoPreRestartNorPostStop() {
    List<String> log = new CopyOnWriteArrayList<>();
    TestProbe probe = new TestProbe(system);
    fragileParent(log, Set.of(1, 2, 3, 4), probe);
    // Generation 1 and three restarts, each failing; the fourth failure is past the limit.
    probe.expectMsg("stopped");
    assertThat(log).containsExactly("preStart 1", "preStart 2", "preStart 3", "preStart 4");
  }

  @Test
  void anInstanceWhosePostRestartThrowsIsReplacedByOneThatStartsWithPreStart() {
    List<String> log = new CopyOnWriteArrayList<>();
    TestProbe probe = new TestProbe(system);
    ActorRef parent = fragileParent(log, Set.of(2), probe);
    probe.send(parent, "fail");
    probe.send(parent, "which?");
    probe.expectMsg(3);
    assertThat(log).containsExactly("preStart 1", "preRestart 1", "postStop 1", "postRestart 2", "preStart 2",
        "preStart 3");
    probe.watch(parent);
    system.stop(parent);
    probe.expectTerminated(parent);
    assertThat(log).endsWith("preStart 3", "postStop 3");
  }
}
