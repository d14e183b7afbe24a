package actors.metrics.impl;

import actors.internal.GroupMeters;
import actors.internal.SystemMeters;
import actors.metrics.ActorMetrics;
import actors.metrics.ActorMetricsOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An actor system's meters on a Micrometer registry: see {@link ActorMetrics} for what they are. */
public final class MicrometerMeters implements SystemMeters {

  static final String OTHER = "other";

  private final MeterRegistry registry;
  private final Tags systemTags;
  private final int pathDepth;
  private final int maxGroups;
  private final int timeOneIn;
  private final Map<String, MeteredGroup> groups = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Counter asksSent;
  private final Map<AskOutcome, Timer> asks = new EnumMap<>(AskOutcome.class);
  private final Counter framesSent;
  private final Counter framesReceived;
  private final DistributionSummary bytesSent;
  private final DistributionSummary bytesReceived;

  private MicrometerMeters(MeterRegistry registry, String systemName, ActorMetricsOptions options) {
    this.registry = registry;
    this.systemTags = Tags.of(ActorMetrics.SYSTEM, systemName);
    this.pathDepth = options.getPathDepth();
    this.maxGroups = options.getMaxGroups();
    this.timeOneIn = options.getTimeOneIn();
    this.asksSent = Counter.builder(ActorMetrics.ASKS_SENT).tags(systemTags).description("Asks sent").register(registry);
    for (AskOutcome outcome : AskOutcome.values()) {
      asks.put(outcome, Timer.builder(ActorMetrics.ASKS).tags(systemTags)
          .tag(ActorMetrics.OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT))
          .description("Asks that ended, by outcome, and how long they took").register(registry));
    }
    this.framesSent = frames("sent");
    this.framesReceived = frames("received");
    this.bytesSent = bytes("sent");
    this.bytesReceived = bytes("received");
  }

  /**
   * The meters of system {@code systemName} on the registry {@code options} name.
   *
   * @throws IllegalStateException if there is no such registry
   */
  public static SystemMeters create(String systemName, ActorMetricsOptions options) {
    MeterRegistry registry = options.getRegistry() != null ? options.getRegistry() : VertxRegistries.find(options);
    return new MicrometerMeters(registry, systemName, options);
  }

  private Counter frames(String direction) {
    return Counter.builder(ActorMetrics.REMOTE_FRAMES).tags(systemTags).tag(ActorMetrics.DIRECTION, direction)
        .description("Frames to and from other nodes").register(registry);
  }

  private DistributionSummary bytes(String direction) {
    return DistributionSummary.builder(ActorMetrics.REMOTE_BYTES).tags(systemTags).tag(ActorMetrics.DIRECTION, direction)
        .baseUnit("bytes").description("Sizes of frames to and from other nodes").register(registry);
  }

  @Override
  public GroupMeters group(Class<?> actorClass, String path) {
    String name = pathDepth == 0 ? actorClass.getName() : prefix(path, pathDepth);
    MeteredGroup group = groups.get(name);
    if (group != null) {
      return group;
    }
    if (groups.size() >= maxGroups) {
      name = OTHER;
    }
    return groups.computeIfAbsent(name, key -> new MeteredGroup(registry, systemTags.and(ActorMetrics.ACTOR, key), timeOneIn));
  }

  /** The first {@code depth} segments of {@code path}: {@code /user/orders} of {@code /user/orders/o-1} at 2. */
  static String prefix(String path, int depth) {
    int end = 0;
    for (int segment = 0; segment < depth; segment++) {
      int next = path.indexOf('/', end + 1);
      if (next < 0) {
        return path;
      }
      end = next;
    }
    return path.substring(0, end);
  }

  @Override
  public void deadLetter(String reason) {
    deadLetters.computeIfAbsent(DeadLetterReasons.category(reason), category -> Counter.builder(ActorMetrics.DEAD_LETTERS)
        .tags(systemTags).tag(ActorMetrics.REASON, category).description("Messages that went to dead letters")
        .register(registry)).increment();
  }

  @Override
  public void askSent() {
    asksSent.increment();
  }

  @Override
  public void askEnded(AskOutcome outcome, long nanos) {
    asks.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void frameSent(int bytes) {
    framesSent.increment();
    bytesSent.record(bytes);
  }

  @Override
  public void frameReceived(int bytes) {
    framesReceived.increment();
    bytesReceived.record(bytes);
  }
}
