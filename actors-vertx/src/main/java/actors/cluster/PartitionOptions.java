package actors.cluster;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Objects;

/**
 * How a clustered system decides, when the network splits, which side keeps running its shards
 * and singletons, and how long its right to run them lasts.
 *
 * <p>Every node asks every member every {@link #getRenewInterval() renew interval} whether it
 * hears it; a round answered by a quorum (the {@link PartitionStrategy strategy} says which)
 * gives the node the right to host for {@link #getLeaseTime() lease time} from the round's
 * start, on its own monotonic clock. A node whose right is within
 * {@link #getStopMargin() stop margin} of its end stops its entities and singletons and refuses
 * new work, until a round reaches a quorum again. A node takes a shard of a node the cluster
 * manager reports gone only once a quorum confirmed it gone and {@code leaseTime x 1.1} has
 * passed since (the 10% allow for clocks that run at different rates). The rule the options
 * must keep, checked when a system starts: {@code renewInterval x 3 <= leaseTime} and
 * {@code renewInterval <= stopMargin < leaseTime - renewInterval}.
 *
 * <p>JSON keys: {@code strategy} (a {@link PartitionStrategy} name), {@code quorumSize} (int),
 * {@code renewInterval}, {@code leaseTime}, {@code stopMargin} (milliseconds).
 */
public class PartitionOptions {

  /** Default strategy: {@link PartitionStrategy#KEEP_MAJORITY}. */
  public static final PartitionStrategy DEFAULT_STRATEGY = PartitionStrategy.KEEP_MAJORITY;
  /** Default time between two rounds of asking the members: 500 ms. */
  public static final Duration DEFAULT_RENEW_INTERVAL = Duration.ofMillis(500);
  /** Default time a round answered by a quorum lets a node host: 2 seconds. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(2);
  /** Default time before the end of its right at which a node stops hosting: 500 ms. */
  public static final Duration DEFAULT_STOP_MARGIN = Duration.ofMillis(500);
  /** How much faster one node's clock may run than another's, allowed for in every wait: 10%. */
  public static final double CLOCK_RATE_MARGIN = 0.1;

  private PartitionStrategy strategy = DEFAULT_STRATEGY;
  private int quorumSize;
  private Duration renewInterval = DEFAULT_RENEW_INTERVAL;
  private Duration leaseTime = DEFAULT_LEASE_TIME;
  private Duration stopMargin = DEFAULT_STOP_MARGIN;

  /** Keep-majority, with the default timing. */
  public PartitionOptions() {
  }

  /** A copy of {@code other}. */
  public PartitionOptions(PartitionOptions other) {
    this.strategy = other.strategy;
    this.quorumSize = other.quorumSize;
    this.renewInterval = other.renewInterval;
    this.leaseTime = other.leaseTime;
    this.stopMargin = other.stopMargin;
  }

  /** Options from JSON; absent keys keep their defaults; {@code "strategy"} as {@link PartitionStrategy#of}. */
  public PartitionOptions(JsonObject json) {
    setStrategy(PartitionStrategy.of(json.getString("strategy", DEFAULT_STRATEGY.name())));
    setQuorumSize(json.getInteger("quorumSize", 0));
    setRenewInterval(Duration.ofMillis(json.getLong("renewInterval", DEFAULT_RENEW_INTERVAL.toMillis())));
    setLeaseTime(Duration.ofMillis(json.getLong("leaseTime", DEFAULT_LEASE_TIME.toMillis())));
    setStopMargin(Duration.ofMillis(json.getLong("stopMargin", DEFAULT_STOP_MARGIN.toMillis())));
  }

  /** These options as JSON. */
  public JsonObject toJson() {
    return new JsonObject().put("strategy", strategy.name()).put("quorumSize", quorumSize)
        .put("renewInterval", renewInterval.toMillis()).put("leaseTime", leaseTime.toMillis())
        .put("stopMargin", stopMargin.toMillis());
  }

  /** Which side of a split keeps hosting. */
  public PartitionStrategy getStrategy() {
    return strategy;
  }

  /** Sets which side of a split keeps hosting; {@link PartitionStrategy#STATIC_QUORUM} needs {@link #setQuorumSize}. */
  public PartitionOptions setStrategy(PartitionStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /** The members a side needs under {@link PartitionStrategy#STATIC_QUORUM}; 0 if unset. */
  public int getQuorumSize() {
    return quorumSize;
  }

  /**
   * Sets the members a side needs under {@link PartitionStrategy#STATIC_QUORUM}: more than half
   * the cluster's largest size, or two sides may both keep it.
   *
   * @throws IllegalArgumentException if negative
   */
  public PartitionOptions setQuorumSize(int quorumSize) {
    if (quorumSize < 0) {
      throw new IllegalArgumentException("quorumSize must not be negative, was " + quorumSize);
    }
    this.quorumSize = quorumSize;
    return this;
  }

  /** The time between two rounds of asking the members. */
  public Duration getRenewInterval() {
    return renewInterval;
  }

  /** Sets the time between two rounds of asking the members (positive). */
  public PartitionOptions setRenewInterval(Duration renewInterval) {
    this.renewInterval = positive(renewInterval, "renewInterval");
    return this;
  }

  /** How long a round answered by a quorum lets the node host, from the round's start. */
  public Duration getLeaseTime() {
    return leaseTime;
  }

  /** Sets how long a round answered by a quorum lets the node host (positive); it delays every take-over from a gone node. */
  public PartitionOptions setLeaseTime(Duration leaseTime) {
    this.leaseTime = positive(leaseTime, "leaseTime");
    return this;
  }

  /** How long before the end of its right a node stops hosting. */
  public Duration getStopMargin() {
    return stopMargin;
  }

  /** Sets how long before the end of its right a node stops hosting (positive): the time its entities get to stop. */
  public PartitionOptions setStopMargin(Duration stopMargin) {
    this.stopMargin = positive(stopMargin, "stopMargin");
    return this;
  }

  /**
   * Checks the timing rule and the strategy's settings together.
   *
   * @throws IllegalArgumentException naming the rule these options break
   */
  public PartitionOptions validate() {
    if (renewInterval.multipliedBy(3).compareTo(leaseTime) > 0) {
      throw new IllegalArgumentException("partition options: renewInterval x 3 must not exceed leaseTime, so that one "
          + "lost round does not end a node's right to host; were " + renewInterval.toMillis() + " ms and "
          + leaseTime.toMillis() + " ms");
    }
    if (stopMargin.compareTo(renewInterval) < 0 || stopMargin.compareTo(leaseTime.minus(renewInterval)) >= 0) {
      throw new IllegalArgumentException("partition options: stopMargin must be at least renewInterval and less than "
          + "leaseTime - renewInterval; were stopMargin " + stopMargin.toMillis() + " ms, renewInterval "
          + renewInterval.toMillis() + " ms, leaseTime " + leaseTime.toMillis() + " ms");
    }
    if (strategy == PartitionStrategy.STATIC_QUORUM && quorumSize < 1) {
      throw new IllegalArgumentException("partition options: STATIC_QUORUM needs setQuorumSize, more than half the "
          + "cluster's largest size");
    }
    return this;
  }

  private static Duration positive(Duration value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionOptions other && strategy == other.strategy && quorumSize == other.quorumSize
        && renewInterval.equals(other.renewInterval) && leaseTime.equals(other.leaseTime)
        && stopMargin.equals(other.stopMargin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, quorumSize, renewInterval, leaseTime, stopMargin);
  }

  @Override
  public String toString() {
    return "PartitionOptions" + toJson().encode();
  }
}
