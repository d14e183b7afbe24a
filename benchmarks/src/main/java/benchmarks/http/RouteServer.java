package benchmarks.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's HTTP server: a Vertx with one event loop per core, an actor system on it with
 * the given idle spin, and {@link RouteVerticle} deployed once per event loop, all listening on
 * one port.
 */
final class RouteServer implements AutoCloseable {

  private final Vertx vertx;
  private final ActorSystem system;

  private RouteServer(Vertx vertx, ActorSystem system) {
    this.vertx = vertx;
    this.system = system;
  }

  static RouteServer start(int port, Duration idleSpin) throws Exception {
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("http").setIdleSpin(idleSpin)
        .setLogDeadLetters(false));
    ActorRef shared = system.actorOf(Props.create(Tally::new), "shared");
    ConcurrentMap<String, Long> counts = new ConcurrentHashMap<>();
    vertx.deployVerticle(() -> new RouteVerticle(system, shared, counts, port), new DeploymentOptions().setInstances(loops))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new RouteServer(vertx, system);
  }

  @Override
  public void close() throws Exception {
    system.terminate().compose(terminated -> vertx.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
