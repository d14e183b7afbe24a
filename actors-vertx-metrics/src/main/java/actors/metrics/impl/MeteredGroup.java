package actors.metrics.impl;

import actors.internal.GroupMeters;
import actors.internal.MessageCounts;
import actors.metrics.ActorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The meters of one group of actors, read when scraped: adders that each actor's mailbox adds its
 * turn's messages to once per turn, and the group's mailboxes themselves, whose sizes the gauge
 * sums. Nothing is shared per message. The two timers are function timers (count and total
 * time, no maximum): a maximum would cost each message a clock read and a compare-and-set loop.
 */
final class MeteredGroup implements GroupMeters {

  private final MeterRegistry registry;
  private final Tags tags;
  // What the group's stopped actors counted; guarded by this, as are the sums over live actors.
  private long retiredProcessed;
  private long retiredProcessingNanos;
  private long retiredWaitedNanos;
  private final Counter stops;
  private final int timeOneIn;
  // The mailboxes of the group's live actors: the meters count them, and sum what they counted.
  private final Set<MessageCounts> mailboxes = ConcurrentHashMap.newKeySet();

  MeteredGroup(MeterRegistry registry, Tags tags, int timeOneIn) {
    this.registry = registry;
    this.tags = tags;
    this.timeOneIn = timeOneIn;
    FunctionTimer.builder(ActorMetrics.MESSAGES_PROCESSED, this, MeteredGroup::processed,
            MeteredGroup::processingNanos, TimeUnit.NANOSECONDS).tags(tags)
        .description("Messages processed, and how long receive took").register(registry);
    FunctionTimer.builder(ActorMetrics.MAILBOX_TIME, this, MeteredGroup::processed,
            MeteredGroup::waitedNanos, TimeUnit.NANOSECONDS).tags(tags)
        .description("How long messages waited in mailboxes").register(registry);
    this.stops = Counter.builder(ActorMetrics.STOPS).tags(tags).description("Actors stopped").register(registry);
    Gauge.builder(ActorMetrics.MAILBOX_SIZE, this, MeteredGroup::waiting).tags(tags)
        .description("Messages waiting in mailboxes").register(registry);
    Gauge.builder(ActorMetrics.LIVE, mailboxes, Set::size).tags(tags).description("Actors alive").register(registry);
  }

  /** What waits in the group's mailboxes, counted when scraped: nothing is counted per message. */
  private double waiting() {
    long waiting = 0;
    for (MessageCounts mailbox : mailboxes) {
      waiting += mailbox.waiting();
    }
    return waiting;
  }

  // Totals over the live actors and those stopped, under the lock that stopped() moves an
  // actor's counts under, so that a total never goes back.
  private synchronized long processed() {
    return retiredProcessed + live(MessageCounts::processed);
  }

  private synchronized double processingNanos() {
    return retiredProcessingNanos + live(MessageCounts::processingNanos);
  }

  private synchronized double waitedNanos() {
    return retiredWaitedNanos + live(MessageCounts::waitedNanos);
  }

  private long live(ToLongFunction<MessageCounts> count) {
    long sum = 0;
    for (MessageCounts mailbox : mailboxes) {
      sum += count.applyAsLong(mailbox);
    }
    return sum;
  }

  @Override
  public int timeOneIn() {
    return timeOneIn;
  }

  @Override
  public void created(MessageCounts counts) {
    mailboxes.add(counts);
  }

  @Override
  public void stopped(MessageCounts counts) {
    synchronized (this) {
      if (mailboxes.remove(counts)) {
        retiredProcessed += counts.processed();
        retiredProcessingNanos += counts.processingNanos();
        retiredWaitedNanos += counts.waitedNanos();
      }
    }
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
