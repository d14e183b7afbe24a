package actors.web;

import actors.ActorSystem;
import actors.web.impl.TreeRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A live page of an actor system's tree, and the JSON behind it, as a {@code vertx-web} router
 * to mount on the application's own: {@code router.route("/actors/*").subRouter(ActorTreeRouter.create(vertx, system))}
 * serves the page at {@code /actors/}.
 *
 * <p>Routes, relative to where it is mounted: {@code GET /} the page (plain HTML, CSS and
 * JavaScript from the jar); {@code GET /api/actor?path=} one actor, {@code GET /api/children?path=&offset=&limit=&filter=}
 * a page of its children and {@code GET /api/watchers?path=} who watches it (see
 * {@link actors.monitor.ActorMonitor}); {@code GET /api/events?open={"/user":200,...}&filter=}
 * server-sent events: {@code tree} every second, with the summary and, for each open actor, as
 * many of its children as asked (1 to 1,000), and
 * {@code deadletter} as dead letters happen (at most 50 a second per page; the rest are counted).
 * Every JSON answer is {@code application/json} with {@code X-Content-Type-Options: nosniff}.
 *
 * <p>Limits, so that no page can take the server down: at most {@code maxEventStreams} streams
 * at once; a stream writes nothing while its client does not read (its write queue is full),
 * and is closed when that lasts 10 seconds; at most 100 open actors per stream.
 *
 * <p>It shows everything about the actors to whoever reaches it: mount it behind the
 * application's authentication, or on an address only operators reach. Needs
 * {@code io.vertx:vertx-web}.
 */
public final class ActorTreeRouter {

  private ActorTreeRouter() {
  }

  /** How many event streams a router serves at once by default. */
  public static final int DEFAULT_MAX_EVENT_STREAMS = 8;

  /** The router of {@code system}'s page and API, serving at most {@value #DEFAULT_MAX_EVENT_STREAMS} event streams at once. */
  public static Router create(Vertx vertx, ActorSystem system) {
    return create(vertx, system, DEFAULT_MAX_EVENT_STREAMS);
  }

  /**
   * The router of {@code system}'s page and API, serving at most {@code maxEventStreams} event
   * streams at once: one more is answered 503 (with {@code Retry-After}).
   *
   * @throws IllegalArgumentException if {@code maxEventStreams} is less than 1
   */
  public static Router create(Vertx vertx, ActorSystem system, int maxEventStreams) {
    return TreeRoutes.create(vertx, system, maxEventStreams);
  }
}
