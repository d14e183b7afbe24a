package actors.internal;

import actors.ActorRef;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

import java.util.HashMap;
import java.util.Map;

/**
 * Trace context through {@code tell} and {@code ask}, over Vert.x's tracer
 * ({@code VertxOptions.setTracingOptions}, e.g. vertx-opentelemetry). A message sent where a
 * trace is current takes it along as headers, with a span for the send: {@code ask} a client
 * span that ends with the answer, {@code tell} a producer span. The receiver runs
 * {@code receive} in a duplicate of its context where a span for it is current, so that what
 * {@code receive} does (asks, HTTP and event-bus calls) joins the trace. A system holds null
 * instead when Vert.x has no tracer: nothing is traced, and nothing costs.
 */
public final class MessageTracing {

  /** The tags of a message's spans: the actor's path and the message's class. */
  private record Tags(String path, Object message) {
  }

  private static final TagExtractor<Tags> TAGS = new TagExtractor<>() {
    @Override
    public int len(Tags tags) {
      return 2;
    }

    @Override
    public String name(Tags tags, int index) {
      return index == 0 ? "actor.path" : "message.type";
    }

    @Override
    public String value(Tags tags, int index) {
      return index == 0 ? tags.path() : tags.message().getClass().getName();
    }
  };

  private final VertxTracer<Object, Object> tracer;

  private MessageTracing(VertxTracer<Object, Object> tracer) {
    this.tracer = tracer;
  }

  /** The tracing of {@code vertx}'s tracer; null when it has none. */
  @SuppressWarnings("unchecked")
  public static MessageTracing of(Vertx vertx) {
    VertxTracer<?, ?> tracer = ((VertxInternal) vertx).tracer();
    return tracer == null ? null : new MessageTracing((VertxTracer<Object, Object>) tracer);
  }

  /**
   * On the sending thread: the context a trace may be current in, or null where none can be: as
   * in Vert.x, only a duplicated context (a request's, a traced receive's) holds one. Costs a
   * thread-local read; what a send costs beyond it is paid only where it returns a context.
   */
  public ContextInternal tracedContext() {
    ContextInternal current = ContextInternal.current();
    return current != null && current.isDuplicate() ? current : null;
  }

  /**
   * On the sending thread, in {@code current} (from {@link #tracedContext()}): the headers that
   * carry the trace current there to the receiver at {@code path}, with a span for the send;
   * null if no trace is current after all.
   */
  public Map<String, String> send(ContextInternal current, Object message, ActorRef sender, String path) {
    Map<String, String> headers = new HashMap<>(4);
    Tags tags = new Tags(path, message);
    if (sender instanceof PendingAsk ask) {
      Object span = tracer.sendRequest(current, SpanKind.RPC, TracingPolicy.PROPAGATE, tags,
          "ask " + message.getClass().getSimpleName(), headers::put, TAGS);
      if (span != null) {
        ask.future().onComplete(answered -> tracer.receiveResponse(current, null, span, answered.cause(), TAGS));
      }
    } else {
      Object span = tracer.sendRequest(current, SpanKind.MESSAGING, TracingPolicy.PROPAGATE, tags,
          "tell " + message.getClass().getSimpleName(), headers::put, TAGS);
      if (span != null) {
        tracer.receiveResponse(current, null, span, null, TAGS);
      }
    }
    return headers.isEmpty() ? null : headers;
  }

  /**
   * On the receiver's thread: runs {@code work} in a duplicate of {@code context} where the
   * trace of {@code headers} is current, inside a span for the receive. The span ends when
   * {@code work} returns; for a question asked on this node, when it is answered, so that what
   * the actor started on the way (an HTTP call, say) joins the trace too.
   */
  public void receive(ContextInternal context, Map<String, String> headers, Object message, ActorRef sender,
                      String path, Runnable work) {
    ContextInternal traced = context.duplicate();
    Tags tags = new Tags(path, message);
    Object span = tracer.receiveRequest(traced, SpanKind.MESSAGING, TracingPolicy.PROPAGATE, tags,
        "receive " + message.getClass().getSimpleName(), headers.entrySet(), TAGS);
    ContextInternal previous = traced.beginDispatch();
    try {
      work.run();
    } finally {
      traced.endDispatch(previous);
      if (sender instanceof PendingAsk ask && !ask.future().isComplete()) {
        ask.future().onComplete(answered -> tracer.sendResponse(traced, null, span, null, TAGS));
      } else {
        tracer.sendResponse(traced, null, span, null, TAGS);
      }
    }
  }
}
