package actors;

import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionTest extends SystemTestBase {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** A counter that fails on "fail" and reports its instance number and count on "get". */
  static final class Counter extends Actor {
    private final int instance;
    private int count;

    Counter(AtomicInteger instances) {
      this.instance = instances.incrementAndGet();
    }

    @Override
    protected void receive(Object message) {
      switch (String.valueOf(message)) {
        case "fail" -> throw new IllegalStateException("counter fails");
        case "get" -> sender().tell(List.of(instance, count), self());
        default -> count++;
      }
    }
  }

  /** A supervisor with the given strategy that creates the named Counter children. */
  static Props supervisor(SupervisorStrategy strategy, Map<String, AtomicInteger> instances, String... children) {
    return Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        for (String child : children) {
          AtomicInteger counter = instances.computeIfAbsent(child, k -> new AtomicInteger());
          context().actorOf(() -> new Counter(counter), child);
        }
      }

      @Override
      protected void receive(Object message) {
        // "child:message" goes to the child, keeping the sender.
        String[] parts = ((String) message).split(":", 2);
        context().child(parts[0]).orElseThrow().forward(parts[1], context());
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return strategy;
      }
    });
  }

  private static Function<Throwable, Directive> always(Directive directive) {
    return cause -> directive;
  }

  @Test
  void resumeKeepsTheInstanceAndItsState(VertxTestContext test) {
    Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
    ActorRef parent = system.actorOf(
        supervisor(SupervisorStrategy.oneForOne(-1, MINUTE, always(Directive.RESUME)), instances, "c"));
    parent.tell("c:inc");
    parent.tell("c:inc");
    parent.tell("c:fail");
    parent.tell("c:inc");
    parent.ask("c:get").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).isEqualTo(List.of(1, 3));
      test.completeNow();
    })));
  }

  @Test
  void restartReplacesTheInstanceAndItsState(VertxTestContext test) {
    Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
    ActorRef parent = system.actorOf(
        supervisor(SupervisorStrategy.oneForOne(-1, MINUTE, always(Directive.RESTART)), instances, "c"));
    parent.tell("c:inc");
    parent.tell("c:fail");
    parent.tell("c:inc");
    parent.ask("c:get").onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(reply).isEqualTo(List.of(2, 1));
      test.completeNow();
    })));
  }

  @Test
  void pastTheRestartLimitWithinTheWindowTheChildIsStopped(VertxTestContext test) {
    AtomicInteger instances = new AtomicInteger();
    ActorRef parent = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        context().watch(context().actorOf(() -> new Counter(instances), "c"));
      }

      @Override
      protected void receive(Object message) {
        if (message instanceof Terminated) {
          test.verify(() -> {
            // The first instance and two restarts; the third failure stopped it.
            assertThat(instances).hasValue(3);
            test.completeNow();
          });
        } else {
          context().child("c").orElseThrow().forward(message, context());
        }
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(2, MINUTE, always(Directive.RESTART));
      }
    });
    for (int i = 0; i < 3; i++) {
      parent.tell("fail");
    }
  }

  /**
   * Children a, b, c each count one message, then b fails; the replies of a, b and c to "get"
   * (instance, count) once the supervisor has answered the failure.
   */
  private io.vertx.core.Future<List<Object>> afterBFails(SupervisorStrategy strategy) {
    ActorRef parent = system.actorOf(supervisor(strategy, new ConcurrentHashMap<>(), "a", "b", "c"));
    for (String child : List.of("a", "b", "c")) {
      parent.tell(child + ":inc");
    }
    // Every child has counted (so a restart cannot overtake its "inc") before b fails.
    return parent.ask("a:get").compose(a -> parent.ask("b:get")).compose(b -> parent.ask("c:get"))
        .compose(counted -> {
          parent.tell("b:fail");
          // b answers after its restart, which the supervisor ordered together with its siblings'.
          return parent.ask("b:get");
        })
        .compose(b -> parent.ask("a:get").compose(a -> parent.ask("c:get").map(c -> List.of(a, b, c))));
  }

  @Test
  void allForOneRestartsEverySibling(VertxTestContext test) {
    afterBFails(SupervisorStrategy.allForOne(-1, MINUTE, always(Directive.RESTART)))
        .onComplete(test.succeeding(replies -> test.verify(() -> {
          // Every child is a second instance with fresh state.
          assertThat(replies).containsExactly(List.of(2, 0), List.of(2, 0), List.of(2, 0));
          test.completeNow();
        })));
  }

  @Test
  void restForOneRestartsTheFailedChildAndTheLaterSiblingsOnly(VertxTestContext test) {
    afterBFails(SupervisorStrategy.restForOne(-1, MINUTE, always(Directive.RESTART)))
        .onComplete(test.succeeding(replies -> test.verify(() -> {
          assertThat(replies).containsExactly(List.of(1, 1), List.of(2, 0), List.of(2, 0));
          test.completeNow();
        })));
  }

  @Test
  void allForOneStopStopsEverySibling(VertxTestContext test) {
    Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
    Checkpoint stopped = test.checkpoint();
    ActorRef parent = system.actorOf(() -> new Actor() {
      private int terminated;

      @Override
      public void preStart() {
        for (String name : List.of("a", "b")) {
          context().watch(context().actorOf(() -> new Counter(instances.computeIfAbsent(name, k -> new AtomicInteger())), name));
        }
      }

      @Override
      protected void receive(Object message) {
        if (message instanceof Terminated) {
          if (++terminated == 2) {
            test.verify(() -> assertThat(context().children()).isEmpty());
            stopped.flag();
          }
        } else {
          context().child("b").orElseThrow().tell(message);
        }
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.allForOne(-1, MINUTE, always(Directive.STOP));
      }
    });
    parent.tell("fail");
  }

  @Test
  void backoffDelaysGrowAndAreCapped() {
    SupervisorStrategy strategy = SupervisorStrategy.oneForOne(-1, MINUTE, always(Directive.RESTART))
        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0.5);
    List<Long> delays = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      delays.add(strategy.backoffDelay(n, 0).toMillis());
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L);
    assertThat(strategy.backoffDelay(1, 0.999).toMillis()).isBetween(299L, 300L);
    assertThat(strategy.backoffDelay(10_000, 0).toMillis()).isEqualTo(1000L);
    assertThat(SupervisorStrategy.defaultStrategy().backoffDelay(3, 0.5)).isZero();
  }

  @Test
  void restartsWaitOutTheBackoffAndMessagesStayQueued(VertxTestContext test) {
    List<Long> starts = new CopyOnWriteArrayList<>();
    List<Object> processed = new CopyOnWriteArrayList<>();
    SupervisorStrategy strategy = SupervisorStrategy.oneForOne(-1, MINUTE, always(Directive.RESTART))
        .withBackoff(Duration.ofMillis(40), Duration.ofMillis(80), 0);
    ActorRef parent = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        context().actorOf(() -> new Actor() {
          @Override
          public void preStart() {
            starts.add(System.nanoTime());
          }

          @Override
          protected void receive(Object message) {
            if (message.equals("fail")) {
              throw new IllegalStateException("flaky");
            }
            processed.add(message);
            if (message.equals("last")) {
              sender().tell(processed, self());
            }
          }
        }, "flaky");
      }

      @Override
      protected void receive(Object message) {
        context().child("flaky").orElseThrow().forward(message, context());
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return strategy;
      }
    });
    for (int i = 0; i < 3; i++) {
      parent.tell("fail");
      parent.tell("after failure " + i);
    }
    parent.ask("last", Duration.ofSeconds(5)).onComplete(test.succeeding(reply -> test.verify(() -> {
      assertThat(processed).containsExactly("after failure 0", "after failure 1", "after failure 2", "last");
      assertThat(starts).hasSize(4);
      long[] expectedMillis = {40, 80, 80};
      for (int i = 0; i < 3; i++) {
        long gapMillis = (starts.get(i + 1) - starts.get(i)) / 1_000_000;
        assertThat(gapMillis).as("restart %d", i + 1).isGreaterThanOrEqualTo(expectedMillis[i] - 2);
      }
      test.completeNow();
    })));
  }

  @Test
  void escalationReachesTheGrandparent(VertxTestContext test) {
    List<String> grandparentSaw = new CopyOnWriteArrayList<>();
    system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        context().actorOf(() -> new Actor() {
          @Override
          public void preStart() {
            context().actorOf(() -> new FnActor((a, m) -> {
              throw new IllegalStateException("grandchild fails");
            }), "child").tell("go");
          }

          @Override
          protected void receive(Object message) {
          }

          @Override
          public SupervisorStrategy supervisorStrategy() {
            return SupervisorStrategy.oneForOne(-1, MINUTE, always(Directive.ESCALATE));
          }
        }, "parent");
      }

      @Override
      protected void receive(Object message) {
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return SupervisorStrategy.oneForOne(-1, MINUTE, cause -> {
          grandparentSaw.add(cause.getMessage());
          test.verify(() -> {
            assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessage("grandchild fails");
            test.completeNow();
          });
          return Directive.STOP;
        });
      }
    }, "grandparent");
  }

  @Test
  void aFactoryThatThrowsOnRestartStopsTheActorThroughItsSupervisor(VertxTestContext test) {
    AtomicInteger calls = new AtomicInteger();
    ActorRef fragile = system.actorOf(Props.create(FnActor.class, () -> {
      if (calls.incrementAndGet() > 1) {
        throw new IllegalStateException("cannot recreate");
      }
      return new FnActor((a, m) -> {
        throw new IllegalStateException("first failure");
      });
    }), "fragile");
    system.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(fragile);
        fragile.tell("fail");
      } else if (m instanceof Terminated t) {
        test.verify(() -> {
          assertThat(calls).hasValue(2);
          // The dispatcher survived: another actor still answers.
          system.actorOf(echo()).ask("alive?").onComplete(test.succeedingThenComplete());
        });
      }
    })).tell("watch");
  }

  @Test
  void theGuardianStrategyComesFromTheOptions(VertxTestContext test) {
    ActorSystem strict = ActorSystem.create(vertx, new ActorSystemOptions()
        .setGuardianStrategy(SupervisorStrategy.oneForOne(0, MINUTE, always(Directive.RESTART))));
    AtomicInteger instances = new AtomicInteger();
    ActorRef top = strict.actorOf(() -> new Counter(instances), "top");
    strict.actorOf(props((a, m) -> {
      if (m.equals("watch")) {
        a.ctx().watch(top);
        top.tell("fail");
      } else if (m instanceof Terminated) {
        test.verify(() -> {
          assertThat(instances).hasValue(1); // no restart allowed: stopped at once
          strict.terminate().onComplete(test.succeedingThenComplete());
        });
      }
    })).tell("watch");
  }

  @Test
  void aFailureIsLoggedOnceWithPathCauseAndDirectiveUnlessTurnedOff(VertxTestContext test) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger.getLogger("actors").addHandler(capture);
    Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
    ActorRef loud = system.actorOf(supervisor(SupervisorStrategy.defaultStrategy(), instances, "c"), "loud");
    ActorRef quiet = system.actorOf(supervisor(SupervisorStrategy.defaultStrategy().withLoggingEnabled(false),
        instances, "q"), "quiet");
    loud.tell("c:fail");
    quiet.tell("q:fail");
    loud.ask("c:get").compose(r -> quiet.ask("q:get")).onComplete(test.succeeding(r -> test.verify(() -> {
      Logger.getLogger("actors").removeHandler(capture);
      assertThat(lines).filteredOn(l -> l.contains("/user/loud/c")).singleElement().satisfies(line ->
          assertThat(line).contains("counter fails").contains("/user/loud").contains("RESTART"));
      assertThat(lines).noneMatch(l -> l.contains("/user/quiet/q"));
      test.completeNow();
    })));
  }
}
