package actors;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest extends SystemTestBase {

  /** Fails on "fail"; records which instance processed what, and its lifecycle. */
  static final class Fragile extends Actor {
    private final List<String> log;
    private final int instance;

    Fragile(List<String> log, AtomicInteger instances) {
      this.log = log;
      this.instance = instances.incrementAndGet();
    }

    @Override
    protected void receive(Object message) {
      if (message.equals("fail")) {
        throw new IllegalStateException("boom");
      }
      log.add(instance + ":" + message);
      if (message.equals("last")) {
        sender().tell(log, self());
      }
    }

    @Override
    public void preStart() {
      log.add(instance + ":preStart");
    }

    @Override
    public void preRestart(Throwable reason, Object message) throws Exception {
      log.add(instance + ":preRestart " + reason.getMessage() + " while " + message);
      super.preRestart(reason, message);
    }

    @Override
    public void postRestart(Throwable reason) throws Exception {
      log.add(instance + ":postRestart");
      super.postRestart(reason);
    }

    @Override
    public void postStop() {
      log.add(instance + ":postStop");
    }
  }

  @Test
  void aFailingActorIsRestartedKeepingItsMailboxAndLosingOnlyTheFailingMessage(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicInteger instances = new AtomicInteger();
    ActorRef fragile = system.actorOf(() -> new Fragile(log, instances), "fragile");
    fragile.tell("a");
    fragile.tell("fail");
    fragile.tell("b");
    fragile.tell("c");
    fragile.ask("last").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(log).containsExactly(
          "1:preStart", "1:a",
          "1:preRestart boom while fail", "1:postStop",
          "2:postRestart", "2:preStart",
          "2:b", "2:c", "2:last");
      test.completeNow();
    })));
  }

  @Test
  void aFailureDoesNotDisturbOtherActorsOnTheSameEventLoop(VertxTestContext test) {
    // Every actor shares one of a few event loops; a failure must not kill or stall any loop.
    int actors = 2 * 2 * Runtime.getRuntime().availableProcessors();
    List<io.vertx.core.Future<Object>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < actors; i++) {
      ActorRef failing = system.actorOf(props((a, m) -> {
        throw new IllegalStateException("failure " + m);
      }));
      failing.tell("x");
      answers.add(system.actorOf(echo()).ask("still alive?"));
    }
    io.vertx.core.Future.all(answers).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aFailureInPreStartStopsTheActorAndItsInstanceGetsNoPostStopAsItNeverStarted(VertxTestContext test) {
    AtomicInteger postStops = new AtomicInteger();
    ActorRef broken = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        throw new IllegalStateException("cannot start");
      }

      @Override
      protected void receive(Object message) {
      }

      @Override
      public void postStop() {
        postStops.incrementAndGet();
      }
    }, "broken");
    system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(broken);
      } else if (m instanceof Terminated t) {
        test.verify(() -> {
          assertThat(t.actor()).isEqualTo(broken);
          assertThat(postStops).hasValue(0);
          test.completeNow();
        });
      }
    })).tell("watch");
  }

  @Test
  void killMakesTheActorFailAndTheDefaultStrategyStopsIt(VertxTestContext test) {
    ActorRef victim = system.actorOf(echo(), "victim");
    system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(victim);
        victim.tell(Kill.INSTANCE);
      } else if (m instanceof Terminated t) {
        test.verify(() -> {
          assertThat(t.actor().path()).isEqualTo("/user/victim");
          test.completeNow();
        });
      }
    })).tell("watch");
  }

  @Test
  void watchingAnActorThatAlreadyStoppedDeliversTerminatedAtOnce(VertxTestContext test) {
    ActorRef gone = system.actorOf(echo(), "gone");
    system.stop(gone).onComplete(test.succeeding(v -> system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(gone);
      } else if (m instanceof Terminated t) {
        test.verify(() -> {
          assertThat(t.actor()).isEqualTo(gone);
          assertThat(a.from()).isEqualTo(gone);
          test.completeNow();
        });
      }
    })).tell("watch")));
  }

  @Test
  void anUnhandledTerminatedStopsTheWatcherWithADeathPact(VertxTestContext test) {
    ActorRef watched = system.actorOf(echo(), "watched");
    ActorRef pact = system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(watched);
        a.reply("watching");
      } else {
        a.notHandled(m);
      }
    }), "pact");
    system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(pact);
        a.reply("ok");
      } else if (m instanceof Terminated t) {
        test.verify(() -> {
          assertThat(t.actor()).isEqualTo(pact);
          test.completeNow();
        });
      }
    })).ask("watch")
        .compose(v -> pact.ask("watch"))
        .onComplete(test.succeeding(v -> system.stop(watched)));
  }

  @Test
  void unwatchDiscardsTheTerminated(VertxTestContext test) {
    ActorRef watched = system.actorOf(echo(), "watched");
    List<Object> seen = new CopyOnWriteArrayList<>();
    ActorRef watcher = system.actorOf(props((a, m) -> {
      seen.add(m);
      if (m.equals("watch")) {
        a.ctx().watch(watched);
      } else if (m.equals("unwatch")) {
        a.ctx().unwatch(watched);
      } else if (m.equals("done?")) {
        a.reply(List.copyOf(seen));
      }
    }));
    watcher.tell("watch");
    watcher.tell("unwatch");
    system.stop(watched)
        .compose(v -> watcher.<List<Object>>ask("done?"))
        .onComplete(test.succeeding(replies -> test.verify(() -> {
          assertThat(replies).containsExactly("watch", "unwatch", "done?");
          test.completeNow();
        })));
  }

  @Test
  void anErrorEscalatedPastTheGuardianTerminatesTheSystemWithIt(Vertx vertx, VertxTestContext test) {
    ActorSystem doomed = ActorSystem.create(vertx, new ActorSystemOptions().setName("doomed"));
    doomed.actorOf(props((a, m) -> {
      throw new AssertionError("fatal");
    })).tell("go");
    doomed.whenTerminated().onComplete(test.failing(cause -> test.verify(() -> {
      assertThat(cause).isInstanceOf(AssertionError.class).hasMessage("fatal");
      test.completeNow();
    })));
  }

  @Test
  void childrenAreStoppedWhenTheirParentRestarts(VertxTestContext test) {
    List<String> log = new CopyOnWriteArrayList<>();
    ActorRef parent = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        context().actorOf(() -> new Actor() {
          @Override
          protected void receive(Object message) {
          }

          @Override
          public void postStop() {
            log.add("child stopped");
          }
        }, "child");
      }

      @Override
      protected void receive(Object message) {
        if (message.equals("fail")) {
          throw new IllegalStateException("parent fails");
        }
        log.add("children " + context().children().size());
        sender().tell(log, self());
      }
    }, "parent");
    parent.tell("fail");
    parent.ask("count").onComplete(test.succeeding(v -> test.verify(() -> {
      // The old child stopped before the new instance created its own child of the same name.
      assertThat(log).containsExactly("child stopped", "children 1");
      test.completeNow();
    })));
  }

  @Test
  void childrenKeptByPreRestartAreRestartedWithTheirParent(VertxTestContext test) {
    AtomicInteger childInstances = new AtomicInteger();
    ActorRef parent = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        if (context().children().isEmpty()) {
          context().actorOf(() -> {
            childInstances.incrementAndGet();
            return new FnActor((a, m) -> a.reply(childInstances.get()));
          }, "kept");
        }
      }

      @Override
      public void preRestart(Throwable reason, Object message) {
        // Keeps its children.
      }

      @Override
      protected void receive(Object message) {
        if (message.equals("fail")) {
          throw new IllegalStateException("parent fails");
        }
        context().child("kept").orElseThrow().forward(message, context());
      }
    }, "parent");
    parent.tell("fail");
    parent.ask("child instances?").onComplete(test.succeeding(count -> test.verify(() -> {
      assertThat(count).isEqualTo(2);
      test.completeNow();
    })));
  }
}
