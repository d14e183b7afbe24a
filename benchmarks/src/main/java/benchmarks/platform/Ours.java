package benchmarks.platform;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.metrics.ActorMetricsOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * actors-vertx, with default options on a Vertx of its own; or, for the cost of observing it,
 * with metrics on (a Prometheus registry) or with Vert.x's OpenTelemetry tracer.
 */
final class Ours implements Platform {

  private final ActorSystem system;

  /** Default options. */
  Ours() {
    this(ActorSystem.create(new ActorSystemOptions().setName("bench").setLogDeadLetters(false)));
  }

  private Ours(ActorSystem system) {
    this.system = system;
  }

  /** Metrics on, to a Prometheus registry, grouped by actor class (the default). */
  static Ours withMetrics() {
    return new Ours(ActorSystem.create(new ActorSystemOptions().setName("bench").setLogDeadLetters(false)
        .setMetricsOptions(new ActorMetricsOptions().setRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))));
  }

  /**
   * Every actor on one event loop ({@code setEventLoops(1)}): what a pair of actors that talk gets
   * when the application puts them on one context (the caller-context dispatcher).
   */
  static Ours onOneLoop() {
    return new Ours(ActorSystem.create(new ActorSystemOptions().setName("bench").setLogDeadLetters(false).setEventLoops(1)));
  }

  /**
   * Vert.x's OpenTelemetry tracer on, spans batched to an exporter that drops them: the
   * workloads' messages are sent outside any trace, as most of an application's are.
   */
  static Ours withTracing() {
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter())
            .build()).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    Vertx vertx = Vertx.builder().with(new VertxOptions().setTracingOptions(new OpenTelemetryOptions()))
        .withTracer(new OpenTelemetryTracingFactory(otel)).build();
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("bench").setLogDeadLetters(false));
    system.whenTerminated().onComplete(terminated -> vertx.close());
    return new Ours(system);
  }

  /** Takes the spans and drops them. */
  private static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private record OurRef(ActorRef ref) implements Ref {
    @Override
    public void tell(Object message) {
      ref.tell(message);
    }
  }

  /** Runs a behaviour; is its own replier, so a reply allocates nothing. */
  static final class BehaviorActor extends Actor implements Replier {
    private final Behavior behavior;

    BehaviorActor(Behavior behavior) {
      this.behavior = behavior;
    }

    @Override
    protected void receive(Object message) throws Exception {
      behavior.receive(message, this);
    }

    @Override
    public void reply(Object answer) {
      sender().tell(answer, self());
    }
  }

  @Override
  public Ref spawn(Behavior behavior) {
    return new OurRef(system.actorOf(Props.create(BehaviorActor.class, () -> new BehaviorActor(behavior))));
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    return ((OurRef) ref).ref().ask(message, timeout).toCompletionStage();
  }

  @Override
  public void close() {
    try {
      system.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("actors-vertx did not terminate", e);
    }
  }
}
