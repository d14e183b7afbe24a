package actors;

import actors.internal.SystemServices;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace through tell and ask with OpenTelemetry's SDK and its in-memory exporter: an HTTP
 * route asks an actor, which asks another, which calls an HTTP service; one trace, each span
 * the child of the one before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TracingTest {

  /** Asks the caller for its answer and replies with it. */
  public static final class Front extends Actor {
    private final ActorRef caller;

    public Front(ActorRef caller) {
      this.caller = caller;
    }

    @Override
    protected void receive(Object message) {
      ActorRef asker = sender();
      caller.<String>ask(message).onComplete(answer -> asker.tell("front:" + answer.result()));
    }
  }

  /** Calls the backend over HTTP and replies with its body. */
  public static final class Caller extends Actor {
    private final HttpClient client;
    private final int backendPort;

    public Caller(HttpClient client, int backendPort) {
      this.client = client;
      this.backendPort = backendPort;
    }

    @Override
    protected void receive(Object message) {
      ActorRef asker = sender();
      client.request(HttpMethod.GET, backendPort, "127.0.0.1", "/backend")
          .compose(request -> request.send().compose(HttpClientResponse::body))
          .onComplete(body -> asker.tell(String.valueOf(body.result())));
    }
  }

  /** Counts, and says nothing. */
  public static final class Quiet extends Actor {
    @Override
    protected void receive(Object message) {
    }
  }

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private Vertx vertx;
  private ActorSystem system;

  @BeforeEach
  void start() {
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    vertx = Vertx.builder().with(new VertxOptions().setTracingOptions(new OpenTelemetryOptions()))
        .withTracer(new OpenTelemetryTracingFactory(otel)).build();
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("traced"));
  }

  @AfterEach
  void stop() throws Exception {
    await(system.terminate());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return exporter.getFinishedSpanItems();
  }

  private static SpanData only(List<SpanData> spans, Predicate<SpanData> which, String what) {
    List<SpanData> found = spans.stream().filter(which).toList();
    assertThat(found).as(what + " among " + spans.stream().map(SpanData::getName).toList()).hasSize(1);
    return found.get(0);
  }

  @Test
  void aRoutesTracePassesThroughTwoAsksAndTheActorsHttpCall() throws Exception {
    HttpClient client = vertx.createHttpClient();
    HttpServer backend = await(vertx.createHttpServer().requestHandler(request -> request.response().end("b"))
        .listen(0, "127.0.0.1"));
    ActorRef caller = system.actorOf(Props.create(Caller.class, () -> new Caller(client, backend.actualPort())), "caller");
    ActorRef front = system.actorOf(Props.create(Front.class, () -> new Front(caller)), "front");
    HttpServer route = await(vertx.createHttpServer()
        .requestHandler(request -> front.<String>ask("go").onComplete(answer -> request.response().end(answer.result())))
        .listen(0, "127.0.0.1"));

    WebClient outside = WebClient.create(vertx); // buffers the whole body, whatever thread it is called from
    String body = await(outside.get(route.actualPort(), "127.0.0.1", "/route").send()).bodyAsString();
    assertThat(body).isEqualTo("front:b");

    // route server, ask front, receive at front, ask caller, receive at caller, HTTP client, backend server
    List<SpanData> spans = awaitSpans(7);
    SpanData routeSpan = only(spans, span -> span.getKind() == SpanKind.SERVER
        && span.getAttributes().asMap().toString().contains("/route"), "the route's span");
    Map<String, List<SpanData>> byTrace = spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    assertThat(byTrace.get(routeSpan.getTraceId())).as("one trace: " + spans).hasSize(7);

    SpanData askFront = only(spans, span -> span.getName().equals("ask String")
        && span.getParentSpanId().equals(routeSpan.getSpanId()), "the route's ask");
    assertThat(askFront.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(askFront.getAttributes().asMap().toString()).contains("/user/front");
    SpanData atFront = only(spans, span -> span.getName().equals("receive String")
        && span.getParentSpanId().equals(askFront.getSpanId()), "front's receive");
    SpanData askCaller = only(spans, span -> span.getName().equals("ask String")
        && span.getParentSpanId().equals(atFront.getSpanId()), "front's ask");
    SpanData atCaller = only(spans, span -> span.getName().equals("receive String")
        && span.getParentSpanId().equals(askCaller.getSpanId()), "caller's receive");
    assertThat(atCaller.getAttributes().asMap().toString()).contains("/user/caller");
    SpanData httpCall = only(spans, span -> span.getKind() == SpanKind.CLIENT && !span.getName().startsWith("ask")
        && span.getParentSpanId().equals(atCaller.getSpanId()), "caller's HTTP call");
    only(spans, span -> span.getKind() == SpanKind.SERVER && span.getParentSpanId().equals(httpCall.getSpanId()),
        "the backend's span");
    // An asked actor's receive lasts until it answers: through the HTTP call it made on the way.
    assertThat(atCaller.getEndEpochNanos()).isGreaterThanOrEqualTo(httpCall.getEndEpochNanos());
  }

  @Test
  void aTellOutsideAnyTraceMakesNoSpanAndATellInsideOneJoinsIt() throws Exception {
    ActorRef quiet = system.actorOf(Props.create(Quiet.class), "quiet");
    quiet.tell("from the test thread");
    HttpServer route = await(vertx.createHttpServer().requestHandler(request -> {
      quiet.tell("from a route");
      request.response().end("told");
    }).listen(0, "127.0.0.1"));
    WebClient outside = WebClient.create(vertx);
    assertThat(await(outside.get(route.actualPort(), "127.0.0.1", "/tell").send()).bodyAsString()).isEqualTo("told");
    List<SpanData> spans = awaitSpans(3); // route server, tell, receive
    SpanData tell = only(spans, span -> span.getName().equals("tell String"), "the route's tell");
    assertThat(tell.getKind()).isEqualTo(SpanKind.PRODUCER);
    SpanData received = only(spans, span -> span.getName().equals("receive String"), "quiet's receive");
    assertThat(received.getParentSpanId()).isEqualTo(tell.getSpanId());
    assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(spans).hasSize(3);
  }

  @Test
  void withoutATracerNothingIsTraced() throws Exception {
    ActorSystem untraced = ActorSystem.create(new ActorSystemOptions().setName("untraced"));
    try {
      assertThat(SystemServices.of(untraced, "test").tracing()).isNull();
      assertThat(SystemServices.of(system, "test").tracing()).isNotNull();
    } finally {
      await(untraced.terminate());
    }
  }
}
