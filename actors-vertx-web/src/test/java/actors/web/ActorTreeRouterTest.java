package actors.web;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The router mounted on a real HTTP server, called by a real HTTP client: page, JSON and event stream. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ActorTreeRouterTest {

  /** Does nothing. */
  public static final class Idle extends Actor {
    @Override
    protected void receive(Object message) {
    }
  }

  private ActorSystem system;
  private HttpServer server;
  private HttpClient client;
  private WebClient web;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("tree-page"));
    Router router = Router.router(vertx);
    router.route("/ops/actors/*").subRouter(ActorTreeRouter.create(vertx, system));
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = vertx.createHttpClient();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    await(client.close());
    web.close();
    await(server.close());
    await(system.terminate());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private Future<HttpClientResponse> get(String uri) {
    return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", uri).compose(request -> request.send());
  }

  private String body(String uri, int status) throws Exception {
    HttpResponse<Buffer> response = await(web.get(server.actualPort(), "127.0.0.1", uri).send());
    assertThat(response.statusCode()).as(uri + ": " + response.bodyAsString()).isEqualTo(status);
    return response.bodyAsString();
  }

  @Test
  void thePageAndTheJsonAreServedWhereTheRouterIsMounted() throws Exception {
    ActorRef orders = system.actorOf(Props.create(Idle.class), "orders");
    assertThat(body("/ops/actors/", 200)).contains("<title>Actors</title>").contains("api/events");
    JsonObject actor = new JsonObject(body("/ops/actors/api/actor?path=/user/orders", 200));
    assertThat(actor.getString("actorClass")).isEqualTo(Idle.class.getName());
    JsonObject page = new JsonObject(body("/ops/actors/api/children?path=/user&limit=10", 200));
    assertThat(page.getInteger("total")).isEqualTo(1);
    assertThat(new JsonObject(body("/ops/actors/api/actor?path=/user/nobody", 404)).getString("error"))
        .contains("no actor at that path");
    assertThat(new JsonObject(body("/ops/actors/api/children?path=/user&limit=5000", 400)).getString("error"))
        .isEqualTo("limit must be 1 to 1000, was 5000");
    assertThat(new JsonObject(body("/ops/actors/api/children?path=/user&offset=x", 400)).getString("error"))
        .isEqualTo("offset and limit must be whole numbers");
    assertThat(body("/ops/actors/api/watchers?path=/user/orders", 200)).isEqualTo("[]");
    assertThat(new JsonObject(body("/ops/actors/api/events?open=/user,/user/orders", 400)).getString("error"))
        .startsWith("open must be a JSON object of paths");
    assertThat(orders.path()).isEqualTo("/user/orders");
  }

  @Test
  void everyApiAnswerIsJsonThatIsNotSniffedAndNoErrorEchoesTheInput() throws Exception {
    String hostile = java.net.URLEncoder.encode("<html><script>alert(1)</script>", java.nio.charset.StandardCharsets.UTF_8);
    for (String uri : new String[] {"/ops/actors/api/children?path=/user&offset=" + hostile,
        "/ops/actors/api/actor?path=/user/" + hostile, "/ops/actors/api/watchers?path=/user/" + hostile,
        "/ops/actors/api/events?open=" + hostile, "/ops/actors/api/actor?path=/user"}) {
      HttpResponse<Buffer> response = await(web.get(server.actualPort(), "127.0.0.1", uri).send());
      assertThat(response.getHeader("Content-Type")).as(uri).isEqualTo("application/json");
      assertThat(response.getHeader("X-Content-Type-Options")).as(uri).isEqualTo("nosniff");
      assertThat(response.bodyAsString()).as(uri).doesNotContain("<html>").doesNotContain("script");
    }
  }

  @Test
  void streamsThatAreNotReadAreCappedHeldAndClosedWhileOtherClientsAreServed(Vertx vertx) throws Exception {
    Router small = Router.router(vertx);
    small.route("/small/*").subRouter(ActorTreeRouter.create(vertx, system, 4));
    HttpServer smallServer = await(vertx.createHttpServer().requestHandler(small).listen(0, "127.0.0.1"));
    String longName = "x".repeat(200);
    ActorRef big = system.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        for (int i = 0; i < 1_000; i++) {
          context().actorOf(Props.create(Idle.class), longName + i);
        }
        sender().tell("created", self());
      }
    }), "big");
    await(big.ask("create"));
    java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    // Raw connections that send the request and never read: the server's writes back up as with a stuck client.
    String open = java.net.URLEncoder.encode("{\"/user/big\":1000,\"/user\":1000}", java.nio.charset.StandardCharsets.UTF_8);
    // A small receive buffer: the kernel holds little for the client (loopback autotuning would hold 32 MB).
    io.vertx.core.net.NetClient raw = vertx.createNetClient(new io.vertx.core.net.NetClientOptions().setReceiveBufferSize(4096));
    for (int i = 0; i < 4; i++) {
      assertThat(openStream(raw, smallServer, open, true)).isEqualTo("HTTP/1.1 200 OK");
    }
    HttpResponse<Buffer> fifth = await(web.get(smallServer.actualPort(), "127.0.0.1", "/small/api/events").send());
    assertThat(fifth.statusCode()).as("a stream beyond the cap").isEqualTo(503);
    assertThat(new JsonObject(fifth.bodyAsString()).getString("error")).contains("at most 4 event streams");
    long start = System.nanoTime();
    long most = 0;
    // The server has given up on the four once a new stream is let in (a paused client sees no close).
    while (openStream(raw, smallServer, open, false).equals("HTTP/1.1 503 Service Unavailable")) {
      assertThat(await(web.get(smallServer.actualPort(), "127.0.0.1", "/small/api/actor?path=/user/big").send()).statusCode())
          .as("another client is served meanwhile").isEqualTo(200);
      System.gc();
      most = Math.max(most, memory.getHeapMemoryUsage().getUsed() - before);
      assertThat(most).as("heap held for four streams that are not read").isLessThan(64L << 20);
      await(Future.future(tick -> vertx.setTimer(1_000, id -> tick.complete())).otherwiseEmpty());
    }
    System.out.println("four unread streams of ~1.2 MB a second each: the heap grew at most " + (most >> 20)
        + " MiB; the server gave up on them after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s");
    await(raw.close());
    await(smallServer.close());
  }

  /**
   * Opens a stream on a raw connection and returns the status line; {@code keep}: the connection
   * stays open and is never read again, else it is closed.
   */
  private static String openStream(io.vertx.core.net.NetClient raw, HttpServer server, String open, boolean keep)
      throws Exception {
    io.vertx.core.net.NetSocket socket = await(raw.connect(server.actualPort(), "127.0.0.1"));
    Promise<String> head = Promise.promise();
    StringBuilder received = new StringBuilder();
    socket.handler(data -> {
      received.append(data.toString());
      if (received.indexOf("\r\n\r\n") >= 0 && head.tryComplete(received.substring(0, received.indexOf("\r\n")))) {
        socket.pause(); // the stream is open: from now on it is never read
      }
    });
    await(socket.write("GET /small/api/events?open=" + open + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    String status = await(head.future());
    if (!keep) {
      await(socket.close());
    }
    return status;
  }

  @Test
  void theEventStreamSendsTheTreeAndDeadLettersAsTheyHappen() throws Exception {
    system.actorOf(Props.create(Idle.class), "first");
    String open = java.net.URLEncoder.encode("{\"/user\":200}", java.nio.charset.StandardCharsets.UTF_8);
    HttpClientResponse response = await(get("/ops/actors/api/events?open=" + open).map(answer -> answer.pause()));
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/event-stream");
    Promise<JsonObject> tree = Promise.promise();
    Promise<JsonObject> deadLetter = Promise.promise();
    StringBuilder pending = new StringBuilder();
    response.handler(chunk -> {
      pending.append(chunk.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String event = pending.substring(0, end);
        pending.delete(0, end + 2);
        String name = event.substring("event: ".length(), event.indexOf('\n'));
        JsonObject data = new JsonObject(event.substring(event.indexOf("data: ") + "data: ".length()));
        if (name.equals("tree")) {
          tree.tryComplete(data);
        } else if (name.equals("deadletter")) {
          deadLetter.tryComplete(data);
        }
      }
    });
    response.resume();
    JsonObject first = await(tree.future());
    assertThat(first.getJsonObject("summary").getString("system")).isEqualTo("tree-page");
    assertThat(first.getJsonObject("root").getString("path")).isEqualTo("/user");
    assertThat(first.getJsonObject("pages").getJsonObject("/user").getJsonArray("children"))
        .extracting(child -> ((JsonObject) child).getString("name")).containsExactly("first");
    ActorRef gone = system.actorOf(Props.create(Idle.class), "gone");
    await(system.stop(gone));
    gone.tell("too late");
    JsonObject letter = await(deadLetter.future());
    assertThat(letter.getString("to")).isEqualTo("/user/gone");
    assertThat(letter.getString("messageClass")).isEqualTo(String.class.getName());
    assertThat(letter.getString("reason")).isEqualTo("recipient stopped");
  }
}
