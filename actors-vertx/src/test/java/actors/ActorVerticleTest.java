package actors;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ActorVerticleTest extends SystemTestBase {

  /** Replies with its own path and the context it runs on. */
  private static Props whereAmI() {
    return props((a, m) -> a.reply(List.of(a.me().path(), Vertx.currentContext())));
  }

  @Test
  void deploymentCompletesAfterPreStartAndTheActorRunsOnTheVerticlesContext(VertxTestContext test) {
    AtomicBoolean preStartDone = new AtomicBoolean();
    List<Context> preStartContext = new CopyOnWriteArrayList<>();
    Props slowStart = Props.create(() -> new Actor() {
      @Override
      public void preStart() throws InterruptedException {
        Thread.sleep(50);
        preStartContext.add(Vertx.currentContext());
        preStartDone.set(true);
      }

      @Override
      protected void receive(Object message) {
        sender().tell(Vertx.currentContext(), self());
      }
    });
    ActorVerticle verticle = new ActorVerticle(system, slowStart, "slow");
    vertx.deployVerticle(verticle)
        .compose(id -> {
          test.verify(() -> {
            assertThat(preStartDone).isTrue();
            assertThat(verticle.ref().path()).isEqualTo("/user/slow");
            assertThat(verticle.actor()).isSameAs(verticle.ref());
          });
          return verticle.ref().ask("where?");
        })
        .onComplete(test.succeeding(context -> test.verify(() -> {
          assertThat(context).isSameAs(preStartContext.get(0));
          assertThat(((Context) context).deploymentID()).isNotNull();
          test.completeNow();
        })));
  }

  @Test
  void aFailingPreStartFailsTheDeploymentWithItsExceptionAndStopsTheActor(VertxTestContext test) {
    IllegalStateException boom = new IllegalStateException("no database");
    List<String> failedDeployment = new CopyOnWriteArrayList<>();
    Props failing = Props.create(() -> new Actor() {
      @Override
      public void preStart() {
        failedDeployment.add(Vertx.currentContext().deploymentID());
        throw boom;
      }

      @Override
      protected void receive(Object message) {
      }
    });
    vertx.deployVerticle(new ActorVerticle(system, failing, "db"))
        .onComplete(test.failing(error -> test.verify(() -> {
          assertThat(error).isSameAs(boom);
          // The failed deployment is not left behind (the system's root may still be deploying: not counted).
          assertThat(failedDeployment).hasSize(1).doesNotContainNull();
          assertThat(vertx.deploymentIDs()).doesNotContain(failedDeployment.get(0));
          // The name is free again: the actor has stopped.
          system.actorOf(echo(), "db");
          test.completeNow();
        })));
  }

  @Test
  void undeployingStopsTheActorAfterItsPostStop(VertxTestContext test) {
    AtomicBoolean stopped = new AtomicBoolean();
    ActorVerticle verticle = new ActorVerticle(system, onStop(() -> stopped.set(true)), "short-lived");
    vertx.deployVerticle(verticle)
        .compose(vertx::undeploy)
        .compose(undeployed -> {
          test.verify(() -> assertThat(stopped).isTrue());
          return verticle.ref().ask("anyone?");
        })
        .onComplete(test.failing(error -> test.verify(() -> {
          assertThat(error).isInstanceOf(AskTimeoutException.class).hasMessageContaining("had already stopped");
          test.completeNow();
        })));
  }

  @Test
  void instancesMakeARoundRobinPoolSpreadOverEventLoops(VertxTestContext test) {
    ActorVerticle.deploy(system, whereAmI(), "pool", new DeploymentOptions().setInstances(4))
        .compose(verticle -> {
          ActorRef pool = verticle.ref();
          test.verify(() -> assertThat(pool.path()).isEqualTo("/user/pool"));
          List<Future<List<Object>>> answers = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            answers.add(pool.ask(i));
          }
          return Future.all(answers).map(all -> answers.stream().map(Future::result).toList());
        })
        .onComplete(test.succeeding(answers -> test.verify(() -> {
          List<Object> paths = answers.stream().map(answer -> answer.get(0)).toList();
          assertThat(paths.subList(0, 4)).containsExactlyInAnyOrder("/user/pool-1", "/user/pool-2", "/user/pool-3", "/user/pool-4");
          assertThat(paths.subList(4, 8)).isEqualTo(paths.subList(0, 4));
          Set<Object> contexts = answers.stream().map(answer -> answer.get(1)).collect(Collectors.toSet());
          assertThat(contexts).hasSize(4).allMatch(context -> ((Context) context).isEventLoopContext());
          test.completeNow();
        })));
  }

  @Test
  void undeployingAPoolStopsEveryActorAndItsRefDeadLetters(VertxTestContext test) {
    Set<String> stopped = ConcurrentHashMap.newKeySet();
    Props props = Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
      }

      @Override
      public void postStop() {
        stopped.add(self().path());
      }
    });
    ActorVerticle.deploy(system, props, "pool", new DeploymentOptions().setInstances(3))
        .compose(verticle -> vertx.undeploy(verticle.deploymentID()).map(verticle.ref()))
        .onComplete(test.succeeding(pool -> test.verify(() -> {
          assertThat(stopped).containsExactlyInAnyOrder("/user/pool-1", "/user/pool-2", "/user/pool-3");
          long before = system.deadLetterCount();
          pool.tell("anyone?");
          assertThat(system.deadLetterCount()).isEqualTo(before + 1);
          test.completeNow();
        })));
  }

  @Test
  void aWorkerVerticlesActorRunsOnAWorkerContext(VertxTestContext test) {
    ActorVerticle.deploy(system, whereAmI(), "blocking", new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(verticle -> verticle.ref().<List<Object>>ask("where?"))
        .onComplete(test.succeeding(answer -> test.verify(() -> {
          assertThat(((Context) answer.get(1)).isWorkerContext()).isTrue();
          test.completeNow();
        })));
  }

  @Test
  void aVirtualThreadVerticlesActorRunsOnAVirtualThread(VertxTestContext test) {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
    ActorVerticle.deploy(system, props((a, m) -> a.reply(Thread.currentThread().toString())), "virtual",
            new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
        .compose(verticle -> verticle.ref().<String>ask("where?"))
        .onComplete(test.succeeding(thread -> test.verify(() -> {
          assertThat(thread).startsWith("VirtualThread");
          test.completeNow();
        })));
  }
}
