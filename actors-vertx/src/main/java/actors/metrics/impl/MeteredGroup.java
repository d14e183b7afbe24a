package actors.metrics.impl;

import actors.internal.GroupMeters;
import actors.metrics.ActorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The meters of one group of actors. What every message moves are adders that the meters read
 * when scraped: the two timers are function timers (count and total time, no maximum), which
 * cost a message two adds each where a timer's maximum would cost a clock read and a
 * compare-and-set loop.
 */
final class MeteredGroup implements GroupMeters {

  private final MeterRegistry registry;
  private final Tags tags;
  private final LongAdder processed = new LongAdder();
  private final LongAdder processingNanos = new LongAdder();
  private final LongAdder dequeued = new LongAdder();
  private final LongAdder waitedNanos = new LongAdder();
  private final Counter stops;
  private final LongAdder waiting = new LongAdder();
  private final LongAdder live = new LongAdder();

  MeteredGroup(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    FunctionTimer.builder(ActorMetrics.MESSAGES_PROCESSED, this, group -> group.processed.sum(),
            group -> group.processingNanos.sum(), TimeUnit.NANOSECONDS).tags(tags)
        .description("Messages processed, and how long receive took").register(registry);
    FunctionTimer.builder(ActorMetrics.MAILBOX_TIME, this, group -> group.dequeued.sum(),
            group -> group.waitedNanos.sum(), TimeUnit.NANOSECONDS).tags(tags)
        .description("How long messages waited in mailboxes").register(registry);
    this.stops = Counter.builder(ActorMetrics.STOPS).tags(tags).description("Actors stopped").register(registry);
    Gauge.builder(ActorMetrics.MAILBOX_SIZE, waiting, LongAdder::sum).tags(tags)
        .description("Messages waiting in mailboxes").register(registry);
    Gauge.builder(ActorMetrics.LIVE, live, LongAdder::sum).tags(tags).description("Actors alive").register(registry);
  }

  @Override
  public void enqueued() {
    waiting.increment();
  }

  @Override
  public void dequeued(long waitedNanos) {
    waiting.decrement();
    dequeued.increment();
    this.waitedNanos.add(waitedNanos);
  }

  @Override
  public void discarded() {
    waiting.decrement();
  }

  @Override
  public void processed(long nanos) {
    processed.increment();
    processingNanos.add(nanos);
  }

  @Override
  public void created() {
    live.increment();
  }

  @Override
  public void stopped() {
    live.decrement();
    stops.increment();
  }

  @Override
  public void failed(Throwable cause) {
    byCause(ActorMetrics.FAILURES, "Failures: receive or a lifecycle hook threw", cause).increment();
  }

  @Override
  public void restarted(Throwable cause) {
    byCause(ActorMetrics.RESTARTS, "Restarts", cause).increment();
  }

  private Counter byCause(String name, String description, Throwable cause) {
    return Counter.builder(name).tags(tags).tag(ActorMetrics.CAUSE, cause.getClass().getName())
        .description(description).register(registry);
  }
}
