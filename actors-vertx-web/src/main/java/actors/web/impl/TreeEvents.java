package actors.web.impl;

import actors.ActorSystem;
import actors.DeadLetter;
import actors.monitor.ActorMonitor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page's event stream: every second a {@code tree} event (the summary and the first
 * children of each open actor, as many as the page asked for, 1 to 1,000), and
 * {@code deadletter} events four times a second, at most 50 a second; dead letters beyond that
 * are counted in the next {@code tree} event. A page that does not read keeps nothing piling
 * up: while the response's write queue is full, ticks write nothing, and a stream whose queue
 * stays full for {@value #SECONDS_FULL_BEFORE_CLOSE} seconds is given up (it writes nothing more
 * and no longer counts against the cap) and its connection shut down.
 */
final class TreeEvents {

  private static final int MOST_OPEN = 100;
  private static final int DEAD_LETTERS_PER_FLUSH = 12;
  private static final int PAGE = 200;
  private static final JsonObject ROOT_OPEN = new JsonObject().put("/user", PAGE);
  static final int SECONDS_FULL_BEFORE_CLOSE = 10;

  private final ActorMonitor monitor;
  private final HttpServerResponse response;
  private final HttpConnection connection;
  // The open actors' paths, and how many of their children the page shows.
  private final Map<String, Integer> open;
  private final String filter;
  private final Queue<JsonObject> deadLetters = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private int ticks;
  private int ticksFull;
  private Runnable end;
  private boolean sending;

  private TreeEvents(ActorMonitor monitor, RoutingContext ctx, Map<String, Integer> open, String filter) {
    this.monitor = monitor;
    this.response = ctx.response();
    this.connection = ctx.request().connection();
    this.open = open;
    this.filter = filter;
  }

  /** Starts a stream, unless {@code streams} counts {@code maxStreams} open already (503). */
  static void start(Vertx vertx, ActorSystem system, ActorMonitor monitor, RoutingContext ctx, AtomicInteger streams,
                    int maxStreams) {
    Map<String, Integer> open;
    try {
      open = openActors(ctx.request().getParam("open"));
    } catch (RuntimeException e) { // not JSON, or not numbers
      TreeRoutes.error(ctx, 400, "open must be a JSON object of paths to how many children to show, e.g. {\"/user\":200}");
      return;
    }
    if (streams.incrementAndGet() > maxStreams) {
      streams.decrementAndGet();
      ctx.response().putHeader("Retry-After", "10");
      TreeRoutes.error(ctx, 503, "this page serves at most " + maxStreams + " event streams at once; try again later");
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
    TreeEvents events = new TreeEvents(monitor, ctx, open, ctx.request().getParam("filter"));
    Handler<DeadLetter> listener = events::deadLetter;
    system.addDeadLetterListener(listener);
    long timer = vertx.setPeriodic(0, 250, id -> events.tick());
    events.end = () -> {
      vertx.cancelTimer(timer);
      system.removeDeadLetterListener(listener);
      streams.decrementAndGet();
    };
    response.closeHandler(closed -> events.end());
  }

  /** The stream ends: nothing more is written, and it no longer counts against the cap; once. */
  private void end() {
    if (end != null) {
      end.run();
      end = null;
    }
  }

  /** The open actors of the page's {@code open} parameter: at most 100, each shown 1 to 1,000 children. */
  private static Map<String, Integer> openActors(String param) {
    JsonObject asked = param == null || param.isEmpty() ? ROOT_OPEN : new JsonObject(param);
    Map<String, Integer> open = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : asked) {
      if (entry.getKey().startsWith("/") && open.size() < MOST_OPEN) {
        open.put(entry.getKey(), Math.max(1, Math.min(ActorMonitor.MAX_PAGE, ((Number) entry.getValue()).intValue())));
      }
    }
    return open;
  }

  /** Any thread: queued for the next flush, or counted if the page has enough already. */
  private void deadLetter(DeadLetter letter) {
    if (queued.incrementAndGet() > 4 * DEAD_LETTERS_PER_FLUSH) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    deadLetters.add(new JsonObject()
        .put("time", System.currentTimeMillis())
        .put("messageClass", letter.message().getClass().getName())
        .put("message", truncate(String.valueOf(letter.message())))
        .put("from", letter.sender() == null ? null : letter.sender().path())
        .put("to", letter.recipient().path())
        .put("reason", truncate(letter.reason())));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** On the response's context, four times a second. */
  private void tick() {
    if (response.closed()) {
      return;
    }
    if (response.writeQueueFull()) {
      // The page does not read (or reads slowly): skip, and give up on it if that lasts.
      if (++ticksFull == 4 * SECONDS_FULL_BEFORE_CLOSE) {
        // Given up: no more events, and the cap counts it no longer. Vert.x closes the connection
        // once what is written has left, or the client goes away.
        end();
        connection.shutdown(0, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      return;
    }
    ticksFull = 0;
    for (int i = 0; i < DEAD_LETTERS_PER_FLUSH; i++) {
      JsonObject letter = deadLetters.poll();
      if (letter == null) {
        break;
      }
      queued.decrementAndGet();
      send("deadletter", letter);
    }
    if (ticks++ % 4 == 0 && !sending) {
      sendTree();
    }
  }

  private void sendTree() {
    sending = true;
    List<String> paths = new ArrayList<>(open.keySet());
    List<Future<JsonObject>> pages = new ArrayList<>();
    for (String path : paths) {
      pages.add(monitor.children(path, 0, open.get(path), filter).otherwiseEmpty());
    }
    Future<JsonObject> root = monitor.actor("/user").otherwiseEmpty();
    Future.join(root, Future.join(pages)).onComplete(done -> {
      sending = false;
      JsonObject byPath = new JsonObject();
      for (int i = 0; i < paths.size(); i++) {
        JsonObject page = pages.get(i).result();
        if (page != null) {
          byPath.put(paths.get(i), page);
        }
      }
      send("tree", new JsonObject().put("summary", monitor.summary().put("deadLettersNotShown", dropped.get()))
          .put("root", root.result()).put("pages", byPath));
    });
  }

  private void send(String event, JsonObject data) {
    if (!response.closed()) {
      response.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }
  }
}
