package benchmarks.http;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.dispatch.Dispatchers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ConcurrentMap;

/**
 * One instance of the benchmark's HTTP server (a server runs one per event loop), with the same
 * work behind three routes, each answering the key's new count as text:
 *
 * <pre>
 * GET /plain/:key    the route updates a map shared by the instances itself (Vert.x without actors)
 * GET /shared/:key   asks one actor shared by every instance
 * GET /local/:key    asks this instance's own actor, bound to the instance's event loop
 * </pre>
 */
final class RouteVerticle extends VerticleBase {

  static final String[] ROUTES = {"plain", "shared", "local"};

  private final ActorSystem system;
  private final ActorRef shared;
  private final ConcurrentMap<String, Long> counts;
  private final int port;
  private ActorRef local;

  RouteVerticle(ActorSystem system, ActorRef shared, ConcurrentMap<String, Long> counts, int port) {
    this.system = system;
    this.shared = shared;
    this.counts = counts;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    local = system.actorOf(Props.create(Tally::new).withDispatcher(Dispatchers.CALLER_CONTEXT));
    Router router = Router.router(vertx);
    router.get("/plain/:key").handler(ctx -> ctx.response().end(Long.toString(counts.merge(ctx.pathParam("key"), 1L, Long::sum))));
    router.get("/shared/:key").handler(ctx -> ask(ctx, shared));
    router.get("/local/:key").handler(ctx -> ask(ctx, local));
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }

  private static void ask(RoutingContext ctx, ActorRef tally) {
    tally.<Long>ask(ctx.pathParam("key")).onComplete(count -> {
      if (count.succeeded()) {
        ctx.response().end(count.result().toString());
      } else {
        ctx.fail(count.cause());
      }
    });
  }
}
