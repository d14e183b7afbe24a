package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
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
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A trace crosses the clustered event bus with the message: an HTTP route on one node asks an actor on another. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterTracingTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final String clusterName = "actors-test-" + java.util.UUID.randomUUID();
  private final List<ActorSystem> nodes = new ArrayList<>();
  private final List<Vertx> vertxes = new ArrayList<>();

  /** Every node gone, its Hazelcast member too, before the next test class starts its own on the same ports. */
  @AfterEach
  void stop() throws Exception {
    for (ActorSystem node : nodes) {
      await(node.terminate());
    }
    for (Vertx vertx : vertxes) {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private ActorSystem tracedNode() throws Exception {
    VertxOptions options = new VertxOptions().setTracingOptions(new OpenTelemetryOptions());
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    Vertx vertx = await(Vertx.builder().with(options).withTracer(new OpenTelemetryTracingFactory(otel))
        .withClusterManager(new HazelcastClusterManager(LoopbackCluster.config(clusterName))).buildClustered());
    ActorSystem node = await(ActorSystem.clustered(vertx, LoopbackCluster.secured(new ActorSystemOptions().setName("traced-cluster")
        .addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport"))));
    nodes.add(node);
    vertxes.add(vertx);
    return node;
  }

  @Test
  void anAskToAnotherNodeCarriesTheRoutesTrace() throws Exception {
    ActorSystem a = tracedNode();
    ActorSystem b = tracedNode();
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo");
    ActorRef remote = a.resolve(b.addressOf(echo));
    HttpServer route = await(a.vertx().createHttpServer()
        .requestHandler(request -> remote.<String>ask("hello").onComplete(answer -> request.response().end(answer.result())))
        .listen(0, "127.0.0.1"));
    WebClient client = WebClient.create(a.vertx());
    String body = await(client.get(route.actualPort(), "127.0.0.1", "/remote").send()).bodyAsString();
    assertThat(body).isEqualTo("hello");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exporter.getFinishedSpanItems().stream().noneMatch(span -> span.getName().equals("receive String"))
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData routeSpan = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER
        && span.getAttributes().asMap().toString().contains("/remote")).findFirst().orElseThrow();
    SpanData ask = spans.stream().filter(span -> span.getName().equals("ask String")).findFirst().orElseThrow();
    SpanData received = spans.stream().filter(span -> span.getName().equals("receive String")).findFirst().orElseThrow();
    assertThat(ask.getParentSpanId()).isEqualTo(routeSpan.getSpanId());
    assertThat(received.getParentSpanId()).as("the receive on node B is the child of the ask on node A")
        .isEqualTo(ask.getSpanId());
    assertThat(received.getTraceId()).isEqualTo(routeSpan.getTraceId());
    assertThat(received.getAttributes().asMap().toString()).contains("/user/echo");
  }
}
