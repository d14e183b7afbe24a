package actors.metrics.impl;

import actors.internal.GroupMeters;
import actors.metrics.ActorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The meters of one group of actors, read when scraped: adders that each actor's mailbox adds its
 * turn's messages to once per turn, and the group's mailboxes themselves, whose sizes the gauge
 * sums. Nothing is shared per message. The two timers are function timers (count and total
 * time, no maximum): a maximum would cost each message a clock read and a compare-and-set loop.
 */
final class MeteredGroup implements GroupMeters {

  private final MeterRegistry registry;
  private final Tags tags;
  private final LongAdder processed = new LongAdder();
  private final LongAdder processingNanos = new LongAdder();
  private final LongAdder waitedNanos = new LongAdder();
  private final Counter stops;
  private final int timeOneIn;
  // The mailboxes of the group's live actors: the gauges count them, and what waits in them.
  private final Set<IntSupplier> mailboxes = ConcurrentHashMap.newKeySet();

  MeteredGroup(MeterRegistry registry, Tags tags, int timeOneIn) {
    this.registry = registry;
    this.tags = tags;
    this.timeOneIn = timeOneIn;
    FunctionTimer.builder(ActorMetrics.MESSAGES_PROCESSED, this, group -> group.processed.sum(),
            group -> group.processingNanos.sum(), TimeUnit.NANOSECONDS).tags(tags)
        .description("Messages processed, and how long receive took").register(registry);
    FunctionTimer.builder(ActorMetrics.MAILBOX_TIME, this, group -> group.processed.sum(),
            group -> group.waitedNanos.sum(), TimeUnit.NANOSECONDS).tags(tags)
        .description("How long messages waited in mailboxes").register(registry);
    this.stops = Counter.builder(ActorMetrics.STOPS).tags(tags).description("Actors stopped").register(registry);
    Gauge.builder(ActorMetrics.MAILBOX_SIZE, this, MeteredGroup::waiting).tags(tags)
        .description("Messages waiting in mailboxes").register(registry);
    Gauge.builder(ActorMetrics.LIVE, mailboxes, Set::size).tags(tags).description("Actors alive").register(registry);
  }

  /** What waits in the group's mailboxes, counted when scraped: nothing is counted per message. */
  private double waiting() {
    long waiting = 0;
    for (IntSupplier mailbox : mailboxes) {
      waiting += mailbox.getAsInt();
    }
    return waiting;
  }

  @Override
  public void processed(long processed, long processingNanos, long waitedNanos) {
    this.waitedNanos.add(waitedNanos);
    this.processed.add(processed);
    this.processingNanos.add(processingNanos);
  }

  @Override
  public int timeOneIn() {
    return timeOneIn;
  }

  @Override
  public void created(IntSupplier mailboxSize) {
    mailboxes.add(mailboxSize);
  }

  @Override
  public void stopped(IntSupplier mailboxSize) {
    mailboxes.remove(mailboxSize);
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
