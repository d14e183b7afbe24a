package actors.metrics;

import actors.SystemMetricsOptions;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Turns on Micrometer metrics for an actor system ({@link actors.ActorSystemOptions#setMetricsOptions});
 * see {@link ActorMetrics} for the meters. The registry is the one given here, or else the one
 * of Vert.x's own Micrometer metrics ({@code vertx-micrometer-metrics}, by
 * {@link #setRegistryName registry name} or its default), so that actors and Vert.x report to
 * the same place.
 *
 * <p>Actors are counted in groups, never one by one: by actor class (the default) or by the
 * first segments of their path ({@link #setGroupByPath}), at most {@link #setMaxGroups} of
 * them, the rest in a group named {@code other}. Cardinality stays bounded however many actors
 * there are.
 */
public final class ActorMetricsOptions implements SystemMetricsOptions {

  /** Groups beyond this many go to {@code other}, unless {@link #setMaxGroups} says otherwise. */
  public static final int DEFAULT_MAX_GROUPS = 200;
  /** One message in this many is timed, unless {@link #setTimeOneIn} says otherwise. */
  public static final int DEFAULT_TIME_ONE_IN = 16;

  private MeterRegistry registry;
  private String registryName;
  private int pathDepth;
  private int maxGroups = DEFAULT_MAX_GROUPS;
  private int timeOneIn = DEFAULT_TIME_ONE_IN;

  public ActorMetricsOptions() {
  }

  public ActorMetricsOptions(ActorMetricsOptions other) {
    this.registry = other.registry;
    this.registryName = other.registryName;
    this.pathDepth = other.pathDepth;
    this.maxGroups = other.maxGroups;
    this.timeOneIn = other.timeOneIn;
  }

  @Override
  public ActorMetricsOptions copy() {
    return new ActorMetricsOptions(this);
  }

  /** The registry to report to; null (the default) takes Vert.x's. */
  public ActorMetricsOptions setRegistry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  public MeterRegistry getRegistry() {
    return registry;
  }

  /**
   * The name of the {@code vertx-micrometer-metrics} registry to report to when no registry is
   * given ({@code MicrometerMetricsOptions.setRegistryName}); null (the default) takes its
   * default registry.
   */
  public ActorMetricsOptions setRegistryName(String registryName) {
    this.registryName = registryName;
    return this;
  }

  public String getRegistryName() {
    return registryName;
  }

  /**
   * Groups actors by the first {@code depth} segments of their path instead of their class:
   * with 2, {@code /user/orders/order-17} counts in {@code /user/orders}.
   *
   * @throws IllegalArgumentException if {@code depth} is not positive
   */
  public ActorMetricsOptions setGroupByPath(int depth) {
    if (depth <= 0) {
      throw new IllegalArgumentException("the path depth of metric groups must be positive, was " + depth);
    }
    this.pathDepth = depth;
    return this;
  }

  /** The path depth actors are grouped by; 0 when they are grouped by class. */
  public int getPathDepth() {
    return pathDepth;
  }

  /**
   * At most this many groups get meters of their own; actors of any further one count in
   * {@code other}.
   *
   * @throws IllegalArgumentException if {@code maxGroups} is not positive
   */
  public ActorMetricsOptions setMaxGroups(int maxGroups) {
    if (maxGroups <= 0) {
      throw new IllegalArgumentException("the most metric groups must be positive, was " + maxGroups);
    }
    this.maxGroups = maxGroups;
    return this;
  }

  public int getMaxGroups() {
    return maxGroups;
  }

  /**
   * Times one message in {@code oneIn}: how long it waited in its mailbox and how long
   * {@code receive} took, two clock reads that would otherwise cost more than the rest of a
   * small message's delivery. Every message is counted; a timed one stands for those processed
   * by its actor since the one timed before it, so {@code actors.messages.processed} and
   * {@code actors.mailbox.time} keep their exact counts and their total times are estimates
   * whose error shrinks with traffic. 1 times every message.
   *
   * @throws IllegalArgumentException if {@code oneIn} is not positive
   */
  public ActorMetricsOptions setTimeOneIn(int oneIn) {
    if (oneIn <= 0) {
      throw new IllegalArgumentException("one message timed in how many must be positive, was " + oneIn);
    }
    this.timeOneIn = oneIn;
    return this;
  }

  public int getTimeOneIn() {
    return timeOneIn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorMetricsOptions other && Objects.equals(registry, other.registry)
        && Objects.equals(registryName, other.registryName) && pathDepth == other.pathDepth && maxGroups == other.maxGroups
        && timeOneIn == other.timeOneIn;
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, registryName, pathDepth, maxGroups, timeOneIn);
  }
}
