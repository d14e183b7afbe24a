package actors.web.impl;

import actors.ActorSystem;
import actors.cluster.ActorNotFoundException;
import actors.monitor.ActorMonitor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/** The routes of {@code ActorTreeRouter}: the page from the jar, the JSON API, and the event stream. */
public final class TreeRoutes {

  private static final String PAGE = "actors/web/actor-tree.html";

  private TreeRoutes() {
  }

  public static Router create(Vertx vertx, ActorSystem system) {
    ActorMonitor monitor = ActorMonitor.of(system);
    Buffer page = page();
    Router router = Router.router(vertx);
    router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").end(page));
    router.get("/api/actor").handler(ctx -> reply(ctx, monitor.actor(param(ctx, "path", "/user"))));
    router.get("/api/children").handler(ctx -> {
      try {
        reply(ctx, monitor.children(param(ctx, "path", "/user"), Integer.parseInt(param(ctx, "offset", "0")),
            Integer.parseInt(param(ctx, "limit", "100")), ctx.request().getParam("filter")));
      } catch (IllegalArgumentException e) { // NumberFormatException too
        ctx.response().setStatusCode(400).end(new JsonObject().put("error", e.getMessage()).encode());
      }
    });
    router.get("/api/watchers").handler(ctx -> reply(ctx, monitor.watchers(param(ctx, "path", "/user"))));
    router.get("/api/events").handler(ctx -> TreeEvents.start(vertx, system, monitor, ctx));
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
        ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(String.valueOf(done.result())));
        return;
      }
      Throwable cause = done.cause();
      int status = cause instanceof ActorNotFoundException ? 404 : cause instanceof TimeoutException ? 504 : 500;
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", String.valueOf(cause.getMessage())).encode());
    });
  }

  private static Buffer page() {
    try (InputStream in = TreeRoutes.class.getClassLoader().getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
