package examples.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorVerticle;
import actors.ActorSystemOptions;
import actors.Props;
import actors.metrics.ActorMetricsOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.time.Duration;

/**
 * A Vert.x application whose HTTP routes call actors. Run it with
 * {@code mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=examples.http.KeyValueApp}
 * (port 8080; {@code -Dexec.args=9090} for another, {@code 0} for any free one), then:
 * <pre>
 * curl -X PUT --data 'hello' localhost:8080/kv/greeting
 * curl localhost:8080/kv/greeting
 * curl -X POST localhost:8080/counter
 * curl 'localhost:8080/slow?ms=1500'
 * curl localhost:8080/health
 * curl localhost:8080/metrics
 * </pre>
 * and open http://localhost:8080/actors/ for the live actor tree.
 */
public final class KeyValueApp {

  /** The default port: {@value}. */
  public static final int DEFAULT_PORT = 8080;
  /** How long the {@code /slow} route waits for the slow service. */
  public static final Duration SLOW_TIMEOUT = Duration.ofSeconds(1);

  private KeyValueApp() {
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    Vertx vertx = newVertx();
    ActorSystem system = newSystem(vertx);
    start(vertx, system, port, SLOW_TIMEOUT)
        .onSuccess(server -> System.out.println("Listening on http://localhost:" + server.actualPort()
            + " (PUT/GET /kv/:key, POST/GET /counter, GET /slow?ms=n); actor tree at /actors/, "
            + "GET /health, GET /metrics; Ctrl-C stops"))
        .onFailure(failure -> {
          System.err.println("Could not start: " + failure);
          vertx.close();
        });
  }

  // tag::metrics[]
  /** A Vertx with Micrometer metrics for Prometheus: Vert.x's own, and the actors' (see {@link #newSystem}). */
  public static Vertx newVertx() {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .withMetrics(new MicrometerMetricsFactory())
        .build();
  }

  /** The actor system, reporting to the registry of {@code vertx}'s metrics. */
  public static ActorSystem newSystem(Vertx vertx) {
    return ActorSystem.create(vertx, new ActorSystemOptions().setName("key-value")
        .setMetricsOptions(new ActorMetricsOptions()));
  }
  // end::metrics[]

  // tag::startup[]
  /** Deploys the actors as verticles, then the HTTP verticle that calls them. */
  public static Future<HttpServer> start(Vertx vertx, ActorSystem system, int port, Duration slowTimeout) {
    DeploymentOptions one = new DeploymentOptions();
    Future<ActorVerticle> store = ActorVerticle.deploy(system, Props.create(KeyValueStore::new), "kv", one);
    Future<ActorVerticle> counter = ActorVerticle.deploy(system, Props.create(Counter::new), "counter", one);
    // Two instances: two actors on two event loops behind one round-robin ref.
    DeploymentOptions two = new DeploymentOptions().setInstances(2);
    Future<ActorVerticle> slow = ActorVerticle.deploy(system, Props.create(SlowService::new), "slow", two);
    return Future.all(store, counter, slow)
        .compose(deployed -> expose(system, counter.result().ref()))
        .compose(exposed -> {
          HttpVerticle http = new HttpVerticle(system, store.result().ref(), counter.result().ref(),
              slow.result().ref(), slowTimeout, port);
          return vertx.deployVerticle(http).map(id -> http.server());
        });
  }
  // end::startup[]

  // tag::expose[]
  /**
   * Makes the counter reachable on the event bus at {@code "counter"}: any verticle can then
   * {@code vertx.eventBus().request("counter", Counter.Increment.INSTANCE)} and get a
   * {@link Counter.Count} back, without knowing it is an actor.
   */
  static Future<?> expose(ActorSystem system, ActorRef counter) {
    return system.expose(counter, "counter");
  }
  // end::expose[]
}
