package examples.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.AskTimeoutException;
import actors.monitor.ActorHealth;
import actors.web.ActorTreeRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.time.Duration;

/**
 * The HTTP front of the example: routes that call actors with {@code ask} and answer from the
 * returned Futures, never blocking the event loop.
 *
 * <pre>
 * PUT /kv/:key     stores the request body          204, or 201 when the key is new
 * GET /kv/:key     the value                        200 text, or 404 JSON error
 * POST /counter    adds one                         200 {"count": n}
 * GET /counter     the count                        200 {"count": n}
 * GET /slow?ms=n   work that takes n ms             200 {"done": n}, or 503 JSON error past the timeout
 *                                                   (400 JSON error when n is not a number)
 * GET /actors/     the live actor tree (a page; its JSON under /actors/api/)
 * GET /health      200 {"status": "UP", ...}, or 503 once the actor system is down
 * GET /metrics     Vert.x's and the actors' metrics for Prometheus, when Vert.x has metrics on
 * </pre>
 */
public final class HttpVerticle extends VerticleBase {

  private final ActorSystem system;
  private final ActorRef store;
  private final ActorRef counter;
  private final ActorRef slow;
  private final Duration slowTimeout;
  private final int port;
  private HttpServer server;

  public HttpVerticle(ActorSystem system, ActorRef store, ActorRef counter, ActorRef slow, Duration slowTimeout, int port) {
    this.system = system;
    this.store = store;
    this.counter = counter;
    this.slow = slow;
    this.slowTimeout = slowTimeout;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route("/kv/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    router.put("/kv/:key").handler(this::put);
    router.get("/kv/:key").handler(this::get);
    router.post("/counter").handler(ctx -> count(ctx, Counter.Increment.INSTANCE));
    router.get("/counter").handler(ctx -> count(ctx, Counter.Read.INSTANCE));
    router.get("/slow").handler(this::slow);
    operations(router);
    return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(listening -> server = listening);
  }

  // tag::operations[]
  /** What operators look at: the live actor tree, health, and metrics for Prometheus. */
  private void operations(Router router) {
    router.route("/actors/*").subRouter(ActorTreeRouter.create(vertx, system));
    HealthChecks checks = HealthChecks.create(vertx).register("actors", ActorHealth.procedure(system));
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(checks));
    if (vertx.isMetricsEnabled()) {
      router.route("/metrics").handler(PrometheusScrapingHandler.create());
    }
  }
  // end::operations[]

  // tag::route[]
  private void get(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    store.<Object>ask(new KeyValueStore.Get(key)).onComplete(answer -> {
      if (answer.failed()) {
        ctx.fail(answer.cause());
      } else if (answer.result() instanceof KeyValueStore.Found found) {
        ctx.response().putHeader("content-type", "text/plain").end(found.value());
      } else {
        error(ctx, 404, "no value under key '" + key + "'");
      }
    });
  }
  // end::route[]

  private void put(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    store.<KeyValueStore.Stored>ask(new KeyValueStore.Put(key, ctx.body().asString()))
        .onSuccess(stored -> ctx.response().setStatusCode(stored.created() ? 201 : 204).end())
        .onFailure(ctx::fail);
  }

  private void count(RoutingContext ctx, Object command) {
    counter.<Counter.Count>ask(command)
        .map(count -> new JsonObject().put("count", count.value()))
        .onSuccess(json -> ctx.json(json))
        .onFailure(ctx::fail);
  }

  // tag::timeout[]
  private void slow(RoutingContext ctx) {
    String ms = ctx.queryParams().get("ms");
    if (ms == null || !ms.matches("\\d{1,9}")) {
      error(ctx, 400, "query parameter ms must be a number of milliseconds, was " + ms);
      return;
    }
    long millis = Long.parseLong(ms);
    slow.<SlowService.Done>ask(new SlowService.Work(millis), slowTimeout)
        .onSuccess(done -> ctx.json(new JsonObject().put("done", done.millis())))
        .onFailure(failure -> {
          if (failure instanceof AskTimeoutException) {
            error(ctx, 503, "the slow service did not answer within " + slowTimeout.toMillis() + " ms");
          } else {
            ctx.fail(failure);
          }
        });
  }
  // end::timeout[]

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }

  /** The listening server, once started. */
  public HttpServer server() {
    return server;
  }
}
