package actors;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class ActorSystemTest {

  /** Metrics options of an artifact that is not on the class path, as the core sees them. */
  private record OrphanMetrics() implements SystemMetricsOptions {
    @Override
    public SystemMetricsOptions copy() {
      return this;
    }
  }

  @Test
  void metricsOptionsWithoutTheirArtifactFailCreateNamingIt(Vertx vertx) {
    ActorSystemOptions options = new ActorSystemOptions().setMetricsOptions(new OrphanMetrics());
    assertThatThrownBy(() -> ActorSystem.create(vertx, options)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(OrphanMetrics.class.getName())
        .hasMessageContaining("add io.github.actorsvertx:actors-vertx-metrics");
  }

  @Test
  void systemThatOwnsItsVertxClosesItOnTerminate(VertxTestContext test) throws Exception {
    ActorSystem system = ActorSystem.create();
    AtomicReference<Thread> loop = new AtomicReference<>();
    ActorRef actor = system.actorOf(() -> new FnActor((a, m) -> {
      loop.set(Thread.currentThread());
      a.reply("ok");
    }));
    assertThat(actor.<String>ask("which thread?").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEqualTo("ok");

    system.terminate().onComplete(test.succeeding(v -> test.verify(() -> {
      loop.get().join(5_000);
      assertThat(loop.get().isAlive()).as("event-loop thread of the owned Vertx").isFalse();
      test.completeNow();
    })));
  }

  @Test
  void hostedSystemNeverClosesItsVertx(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx);
    system.actorOf(() -> new FnActor((a, m) -> { }), "idle");
    system.terminate()
        .compose(v -> vertx.timer(1))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void closingTheVertxTerminatesTheSystemAndStopsItsActors(VertxTestContext test) {
    Vertx vertx = Vertx.vertx();
    ActorSystem system = ActorSystem.create(vertx);
    AtomicBoolean stopped = new AtomicBoolean();
    ActorRef actor = system.actorOf(() -> new FnActor((a, m) -> a.reply(m)));
    system.actorOf(SystemTestBase.onStop(() -> stopped.set(true)));
    actor.ask("started?")
        .compose(started -> vertx.close())
        .compose(closed -> system.whenTerminated())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          assertThat(stopped).isTrue();
          test.completeNow();
        })));
  }

  @Test
  void closeBlocksUntilEveryActorHasStopped(Vertx vertx) {
    ActorSystem system = ActorSystem.create(vertx);
    AtomicBoolean stopped = new AtomicBoolean();
    system.actorOf(SystemTestBase.onStop(() -> stopped.set(true)));

    system.close();

    assertThat(stopped).isTrue();
    assertThat(system.whenTerminated().succeeded()).isTrue();
  }

  @Test
  void closeOnAnEventLoopIsRefused(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx);
    vertx.runOnContext(v -> test.verify(() -> {
      assertThatThrownBy(system::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("event-loop thread")
          .hasMessageContaining("terminate()");
      system.terminate().onComplete(test.succeedingThenComplete());
    }));
  }

  @Test
  void tryWithResourcesTerminates() {
    ActorSystem escaped;
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("scoped"))) {
      escaped = system;
      assertThat(system.name()).isEqualTo("scoped");
    }
    assertThat(escaped.whenTerminated().succeeded()).isTrue();
  }

  @Test
  void actorOfAfterTerminateIsRefused(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("gone"));
    system.terminate().onComplete(test.succeeding(v -> test.verify(() -> {
      assertThatThrownBy(() -> system.actorOf(() -> new FnActor((a, m) -> { })))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("gone")
          .hasMessageContaining("terminat");
      test.completeNow();
    })));
  }

  @Test
  void terminateTwiceReturnsTheSameOutcome(Vertx vertx, VertxTestContext test) {
    ActorSystem system = ActorSystem.create(vertx);
    system.terminate();
    system.terminate().onComplete(test.succeeding(v -> test.verify(() -> {
      assertThat(system.whenTerminated().succeeded()).isTrue();
      test.completeNow();
    })));
  }

  @Test
  void optionsHaveDefaultsCopiesAndJson() {
    ActorSystemOptions defaults = new ActorSystemOptions();
    assertThat(defaults.getName()).isEqualTo(ActorSystemOptions.DEFAULT_NAME);
    assertThat(defaults.getDefaultAskTimeout()).isEqualTo(ActorSystemOptions.DEFAULT_ASK_TIMEOUT);
    assertThat(defaults.getThroughput()).isEqualTo(ActorSystemOptions.DEFAULT_THROUGHPUT);
    assertThat(defaults.isLogDeadLetters()).isTrue();

    assertThat(defaults.getWorkerPoolName()).isEqualTo("actors-actors-worker");
    assertThat(defaults.getWorkerPoolSize()).isEqualTo(ActorSystemOptions.DEFAULT_WORKER_POOL_SIZE);

    ActorSystemOptions options = new ActorSystemOptions()
        .setName("shop").setDefaultAskTimeout(Duration.ofMillis(250)).setThroughput(7).setLogDeadLetters(false)
        .setWorkerPoolName("shop-io").setWorkerPoolSize(3).setWorkerMaxExecuteTime(Duration.ofSeconds(2))
        .addMessagePackage("com.example.shop").setIdleSpin(Duration.ofNanos(5_000)).setEventLoops(3);
    ActorSystemOptions fromJson = new ActorSystemOptions(options.toJson());
    ActorSystemOptions copy = new ActorSystemOptions(options);
    for (ActorSystemOptions o : new ActorSystemOptions[] {fromJson, copy}) {
      assertThat(o.getName()).isEqualTo("shop");
      assertThat(o.getDefaultAskTimeout()).isEqualTo(Duration.ofMillis(250));
      assertThat(o.getThroughput()).isEqualTo(7);
      assertThat(o.isLogDeadLetters()).isFalse();
      assertThat(o.getWorkerPoolName()).isEqualTo("shop-io");
      assertThat(o.getWorkerPoolSize()).isEqualTo(3);
      assertThat(o.getWorkerMaxExecuteTime()).isEqualTo(Duration.ofSeconds(2));
      assertThat(o.getMessagePackages()).containsExactly("com.example.shop");
      assertThat(o.getIdleSpin()).isEqualTo(Duration.ofNanos(5_000));
      assertThat(o.getEventLoops()).isEqualTo(3);
    }
    assertThat(defaults.getEventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(new ActorSystemOptions(new JsonObject().put("throughput", 3)).getName()).isEqualTo("actors");
  }

  @Test
  void clusterSecurityComesFromJsonButItsSecretsNeverGoBackToIt() {
    String secret = "a-secret-of-thirty-two-bytes-000";
    ActorSystemOptions options = new ActorSystemOptions(new JsonObject().put("clusterSecurity", new JsonObject()
        .put("secret", secret).put("acceptedSecrets", new io.vertx.core.json.JsonArray().add("the-previous-secret-0"))));
    assertThat(options.getClusterSecurity().getSecret()).isEqualTo(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(options.getClusterSecurity().getAcceptedSecrets()).hasSize(1);
    assertThat(new ActorSystemOptions(options).getClusterSecurity().getSecret()).isNotNull();
    assertThat(options.toJson().encode()).doesNotContain(secret).doesNotContain("the-previous-secret-0")
        .contains("\"hasSecret\":true").contains("\"acceptedSecretCount\":1");
    assertThat(options.toString()).doesNotContain(secret);
    ActorSystemOptions insecure = new ActorSystemOptions().setClusterSecurity(
        new actors.cluster.ClusterSecurityOptions().setInsecureForDevelopment(true));
    assertThat(new ActorSystemOptions(insecure.toJson()).getClusterSecurity().isInsecureForDevelopment()).isTrue();
    assertThat(new ActorSystemOptions(options.toJson()).getClusterSecurity().getSecret()).isNull();
  }

  @Test
  void badOptionsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> new ActorSystemOptions().setThroughput(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throughput");
    assertThatThrownBy(() -> new ActorSystemOptions().setDefaultAskTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultAskTimeout");
    assertThatThrownBy(() -> new ActorSystemOptions().setIdleSpin(Duration.ofMillis(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleSpin must be between 0 and 1 ms");
    assertThatThrownBy(() -> new ActorSystemOptions().setEventLoops(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventLoops must be at least 1, was 0");
    assertThatThrownBy(() -> new ActorSystemOptions().setName(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> new ActorSystemOptions(new JsonObject().put("throughput", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throughput");
  }

  @Test
  void optionsOfTheSystemAreACopy(Vertx vertx, VertxTestContext test) {
    ActorSystemOptions options = new ActorSystemOptions().setName("first");
    ActorSystem system = ActorSystem.create(vertx, options);
    options.setName("changed later");
    assertThat(system.name()).isEqualTo("first");
    system.options().setName("changed copy");
    assertThat(system.options().getName()).isEqualTo("first");
    system.terminate().onComplete(test.succeedingThenComplete());
  }

  @Test
  void terminateFromAnotherThreadCompletes() throws Exception {
    ActorSystem system = ActorSystem.create();
    CompletableFuture<Void> done = new CompletableFuture<>();
    new Thread(() -> system.terminate().onComplete(ar -> done.complete(null))).start();
    done.get(10, TimeUnit.SECONDS);
    assertThat(system.whenTerminated().succeeded()).isTrue();
  }
}
