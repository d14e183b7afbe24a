package actors;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SupervisorVerticleTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** What the workers did, in order, and a Future for each entry to come. */
  static final class EventLog {
    final List<String> entries = new CopyOnWriteArrayList<>();
    private final Map<String, Promise<Void>> awaited = new ConcurrentHashMap<>();

    void add(String entry) {
      entries.add(entry);
      awaited.computeIfAbsent(entry, k -> Promise.promise()).tryComplete();
    }

    Future<Void> when(String entry) {
      return awaited.computeIfAbsent(entry, k -> Promise.promise()).future();
    }

    void clear() {
      entries.clear();
    }
  }

  /** A child verticle that logs its start and stop, may fail to start, and keeps its reporter. */
  static final class Worker extends VerticleBase implements Supervised {
    private final String name;
    private final int instance;
    private final EventLog log;
    private final boolean failStart;
    Handler<Throwable> reporter;

    Worker(String name, int instance, EventLog log, boolean failStart) {
      this.name = name;
      this.instance = instance;
      this.log = log;
      this.failStart = failStart;
    }

    @Override
    public void supervisedBy(Handler<Throwable> failureReporter) {
      this.reporter = failureReporter;
    }

    @Override
    public Future<?> start() {
      log.add("start " + name + instance);
      return failStart ? Future.failedFuture(new IllegalStateException(name + instance + " cannot start"))
          : Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
      log.add("stop " + name + instance);
      return Future.succeededFuture();
    }
  }

  /** Makes Workers named {@code name}, numbering them, failing the starts {@code failStart} picks. */
  static java.util.function.Supplier<Worker> workers(String name, EventLog log, AtomicInteger count,
                                                     IntPredicate failStart, List<Worker> made) {
    return () -> {
      int instance = count.incrementAndGet();
      Worker worker = new Worker(name, instance, log, failStart.test(instance));
      made.add(worker);
      return worker;
    };
  }

  @Test
  void aVerticleThatReportsAFailureIsRestarted(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    List<Worker> made = new CopyOnWriteArrayList<>();
    AtomicInteger count = new AtomicInteger();
    SupervisorVerticle supervisor = new SupervisorVerticle(
        SupervisorStrategy.oneForOne(3, MINUTE, SupervisorStrategy::defaultDecision))
        .addChild("w", workers("w", log, count, i -> false, made));
    vertx.deployVerticle(supervisor).onComplete(test.succeeding(id -> {
      made.get(0).reporter.handle(new IllegalStateException("lost its connection"));
      log.when("start w2").onComplete(test.succeeding(started -> test.verify(() -> {
        assertThat(log.entries).containsExactly("start w1", "stop w1", "start w2");
        test.completeNow();
      })));
    }));
  }

  @Test
  void aVerticleWhoseStartFailsIsRetriedWithinTheLimit(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    AtomicInteger count = new AtomicInteger();
    SupervisorVerticle supervisor = new SupervisorVerticle(
        SupervisorStrategy.oneForOne(2, MINUTE, SupervisorStrategy::defaultDecision).withLoggingEnabled(false))
        .addChild("w", workers("w", log, count, i -> i <= 2, new CopyOnWriteArrayList<>()));
    vertx.deployVerticle(supervisor).onComplete(test.succeeding(id -> test.verify(() -> {
      assertThat(log.entries).containsExactly("start w1", "start w2", "start w3");
      assertThat(supervisor.childDeploymentIds()).hasSize(1);
      test.completeNow();
    })));
  }

  @Test
  void pastTheRestartLimitTheSupervisorGivesUp(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    AtomicInteger count = new AtomicInteger();
    SupervisorVerticle supervisor = new SupervisorVerticle(
        SupervisorStrategy.oneForOne(2, MINUTE, SupervisorStrategy::defaultDecision).withLoggingEnabled(false))
        .addChild("ok", workers("ok", log, new AtomicInteger(), i -> false, new CopyOnWriteArrayList<>()))
        .addChild("w", workers("w", log, count, i -> true, new CopyOnWriteArrayList<>()));
    vertx.deployVerticle(supervisor).onComplete(test.failing(cause -> test.verify(() -> {
      assertThat(cause).hasMessage("w3 cannot start");
      // Three attempts (two restarts), then the child started before it is undeployed.
      assertThat(log.entries).containsExactly("start ok1", "start w1", "start w2", "start w3", "stop ok1");
      test.completeNow();
    })));
  }

  @Test
  void aSupervisorThatGivesUpEscalatesToItsParentWhichRestartsIt(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    List<Worker> leaves = new CopyOnWriteArrayList<>();
    AtomicInteger leafCount = new AtomicInteger();
    AtomicInteger innerCount = new AtomicInteger();
    SupervisorVerticle outer = new SupervisorVerticle(
        SupervisorStrategy.oneForOne(-1, MINUTE, SupervisorStrategy::defaultDecision).withLoggingEnabled(false))
        .addChild("inner", () -> {
          innerCount.incrementAndGet();
          // No restart allowed: the first failure of the leaf makes the inner supervisor give up.
          return new SupervisorVerticle(SupervisorStrategy.oneForOne(0, MINUTE, SupervisorStrategy::defaultDecision)
              .withLoggingEnabled(false))
              .addChild("leaf", workers("leaf", log, leafCount, i -> false, leaves));
        });
    vertx.deployVerticle(outer).onComplete(test.succeeding(id -> {
      leaves.get(0).reporter.handle(new IllegalStateException("leaf broke"));
      log.when("start leaf2").onComplete(test.succeeding(started -> test.verify(() -> {
        assertThat(innerCount).hasValue(2);
        assertThat(log.entries).containsExactly("start leaf1", "stop leaf1", "start leaf2");
        test.completeNow();
      })));
    }));
  }

  @Test
  void undeployingTheSupervisorStopsChildrenInReverseStartOrder(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    SupervisorVerticle supervisor = new SupervisorVerticle(SupervisorStrategy.defaultStrategy());
    for (String name : List.of("a", "b", "c")) {
      supervisor.addChild(name, workers(name, log, new AtomicInteger(), i -> false, new CopyOnWriteArrayList<>()));
    }
    vertx.deployVerticle(supervisor)
        .compose(vertx::undeploy)
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(log.entries).containsExactly("start a1", "start b1", "start c1", "stop c1", "stop b1", "stop a1");
          test.completeNow();
        })));
  }

  @Test
  void restForOneRestartsTheFailedVerticleAndTheLaterOnes(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    List<Worker> bs = new CopyOnWriteArrayList<>();
    SupervisorVerticle supervisor = new SupervisorVerticle(
        SupervisorStrategy.restForOne(-1, MINUTE, SupervisorStrategy::defaultDecision).withLoggingEnabled(false))
        .addChild("a", workers("a", log, new AtomicInteger(), i -> false, new CopyOnWriteArrayList<>()))
        .addChild("b", workers("b", log, new AtomicInteger(), i -> false, bs))
        .addChild("c", workers("c", log, new AtomicInteger(), i -> false, new CopyOnWriteArrayList<>()));
    Promise<Void> restarted = Promise.promise();
    vertx.deployVerticle(supervisor).onComplete(test.succeeding(id -> {
      log.clear();
      bs.get(0).reporter.handle(new IllegalStateException("b broke"));
      log.when("start c2").onComplete(restarted);
    }));
    restarted.future().onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(log.entries).containsExactly("stop c1", "stop b1", "start b2", "start c2");
      test.completeNow();
    })));
  }

  @Test
  void aFactoryThatThrowsIsAFailedStart(Vertx vertx, VertxTestContext test) {
    AtomicInteger calls = new AtomicInteger();
    SupervisorVerticle supervisor = new SupervisorVerticle(
        SupervisorStrategy.oneForOne(1, MINUTE, SupervisorStrategy::defaultDecision).withLoggingEnabled(false))
        .addChild("broken", () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("no config");
        });
    vertx.deployVerticle(supervisor).onComplete(test.failing(cause -> test.verify(() -> {
      assertThat(cause).hasMessageContaining("no config");
      assertThat(calls).hasValue(2); // the first attempt and one restart
      test.completeNow();
    })));
  }

  @Test
  void everyInstanceOfAMultiInstanceChildIsSupervised(Vertx vertx, VertxTestContext test) {
    EventLog log = new EventLog();
    List<Worker> made = new CopyOnWriteArrayList<>();
    AtomicInteger count = new AtomicInteger();
    SupervisorVerticle supervisor = new SupervisorVerticle(SupervisorStrategy.defaultStrategy().withLoggingEnabled(false))
        .addChild("w", workers("w", log, count, i -> false, made), new io.vertx.core.DeploymentOptions().setInstances(2));
    vertx.deployVerticle(supervisor).onComplete(test.succeeding(id -> {
      made.get(1).reporter.handle(new IllegalStateException("second instance broke"));
      // The two new instances start concurrently, on two event loops.
      Future.all(log.when("start w3"), log.when("start w4")).onComplete(test.succeeding(v -> test.verify(() -> {
        // The deployment is one child: both instances were replaced.
        assertThat(log.entries).containsExactlyInAnyOrder("start w1", "start w2", "stop w1", "stop w2", "start w3", "start w4");
        test.completeNow();
      })));
    }));
  }
}
