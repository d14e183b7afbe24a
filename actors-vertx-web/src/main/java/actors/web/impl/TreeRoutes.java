package actors.web.impl;

import actors.ActorSystem;
import actors.cluster.ActorNotFoundException;
import actors.monitor.ActorMonitor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;

/** The routes of {@code ActorTreeRouter}: the page from the jar, the JSON API, and the event stream. */
public final class TreeRoutes {

  private static final String PAGE = "actors/web/actor-tree.html";

  private TreeRoutes() {
  }

  public static Router create(Vertx vertx, ActorSystem system, int maxEventStreams) {
    if (maxEventStreams < 1) {
      throw new IllegalArgumentException("maxEventStreams must be at least 1, was " + maxEventStreams);
    }
    ActorMonitor monitor = ActorMonitor.of(system);
    AtomicInteger streams = new AtomicInteger();
    Buffer page = page();
    Router router = Router.router(vertx);
    router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").end(page));
    router.get("/api/actor").handler(ctx -> reply(ctx, monitor.actor(param(ctx, "path", "/user"))));
    router.get("/api/children").handler(ctx -> {
      try {
        reply(ctx, monitor.children(param(ctx, "path", "/user"), Integer.parseInt(param(ctx, "offset", "0")),
            Integer.parseInt(param(ctx, "limit", "100")), ctx.request().getParam("filter")));
      } catch (NumberFormatException e) {
        error(ctx, 400, "offset and limit must be whole numbers");
      } catch (IllegalArgumentException e) {
        error(ctx, 400, e.getMessage());
      }
    });
    router.get("/api/watchers").handler(ctx -> reply(ctx, monitor.watchers(param(ctx, "path", "/user"))));
    router.get("/api/events").handler(ctx -> TreeEvents.start(vertx, system, monitor, ctx, streams, maxEventStreams));
    return router;
  }

  private static String param(RoutingContext ctx, String name, String otherwise) {
    String value = ctx.request().getParam(name);
    return value == null || value.isEmpty() ? otherwise : value;
  }

  private static void reply(RoutingContext ctx, Future<?> answer) {
    answer.onComplete(done -> {
      if (ctx.response().ended()) {
        return;
      }
      if (done.succeeded()) {
        json(ctx).end(Buffer.buffer(String.valueOf(done.result())));
        return;
      }
      Throwable cause = done.cause();
      if (cause instanceof ActorNotFoundException) {
        error(ctx, 404, "no actor at that path");
      } else {
        error(ctx, cause instanceof TimeoutException ? 504 : 500, cause instanceof TimeoutException
            ? "the actor did not answer within a second (busy in receive)" : cause.getClass().getSimpleName());
      }
    });
  }

  /** The response, as JSON that no browser may take for anything else. */
  private static HttpServerResponse json(RoutingContext ctx) {
    return ctx.response().putHeader("Content-Type", "application/json").putHeader("X-Content-Type-Options", "nosniff");
  }

  /** Answers {@code status} with {@code {"error": message}}; the message is escaped as JSON, and is never the raw input. */
  static void error(RoutingContext ctx, int status, String message) {
    json(ctx).setStatusCode(status).end(new JsonObject().put("error", message).encode());
  }

  private static Buffer page() {
    // The class, not its loader: on a module path the page is this module's own, and not open to others.
    try (InputStream in = TreeRoutes.class.getResourceAsStream("/" + PAGE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
