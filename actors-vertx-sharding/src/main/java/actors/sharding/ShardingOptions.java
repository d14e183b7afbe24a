package actors.sharding;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a sharded entity type, in the style of Vert.x options: fluent setters, defaults as
 * constants, a copy constructor. Every node that starts a type must give it the same number of
 * shards, or they place its entities differently.
 */
public class ShardingOptions {

  /** Default number of shards of a type: {@value}, ten or more per node for clusters of up to 100 nodes. */
  public static final int DEFAULT_NUMBER_OF_SHARDS = 1000;
  /** Default time without a message after which an entity is stopped: 2 minutes. */
  public static final Duration DEFAULT_PASSIVATE_AFTER = Duration.ofMinutes(2);
  /** Default number of messages a node holds for shards on the move: {@value}. */
  public static final int DEFAULT_BUFFER_SIZE = 100_000;
  /** Default time the entities of a shard handed off have to stop before they are stopped at once: 10 seconds. */
  public static final Duration DEFAULT_HAND_OFF_TIMEOUT = Duration.ofSeconds(10);

  private int numberOfShards = DEFAULT_NUMBER_OF_SHARDS;
  private Duration passivateAfter = DEFAULT_PASSIVATE_AFTER;
  private int bufferSize = DEFAULT_BUFFER_SIZE;
  private Duration handOffTimeout = DEFAULT_HAND_OFF_TIMEOUT;

  /** Default options. */
  public ShardingOptions() {
  }

  /** A copy of {@code other}. */
  public ShardingOptions(ShardingOptions other) {
    this.numberOfShards = other.numberOfShards;
    this.passivateAfter = other.passivateAfter;
    this.bufferSize = other.bufferSize;
    this.handOffTimeout = other.handOffTimeout;
  }

  public int getNumberOfShards() {
    return numberOfShards;
  }

  /**
   * The number of shards the entities are grouped into; fixed for the life of the type.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public ShardingOptions setNumberOfShards(int numberOfShards) {
    if (numberOfShards < 1) {
      throw new IllegalArgumentException("numberOfShards must be positive, was " + numberOfShards);
    }
    this.numberOfShards = numberOfShards;
    return this;
  }

  public Duration getPassivateAfter() {
    return passivateAfter;
  }

  /**
   * How long an entity may go without a message before it is stopped (passivated); it starts
   * again on its next message. {@link Duration#ZERO} keeps entities until their shard moves.
   *
   * @throws IllegalArgumentException if it is negative
   */
  public ShardingOptions setPassivateAfter(Duration passivateAfter) {
    Objects.requireNonNull(passivateAfter, "passivateAfter");
    if (passivateAfter.isNegative()) {
      throw new IllegalArgumentException("passivateAfter must not be negative, was " + passivateAfter);
    }
    this.passivateAfter = passivateAfter;
    return this;
  }

  public int getBufferSize() {
    return bufferSize;
  }

  /**
   * How many messages this node holds, for all shards of the type together, while their shard
   * is being handed off or taken over; the next ones go to dead letters.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public ShardingOptions setBufferSize(int bufferSize) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be positive, was " + bufferSize);
    }
    this.bufferSize = bufferSize;
    return this;
  }

  public Duration getHandOffTimeout() {
    return handOffTimeout;
  }

  /**
   * How long the entities of a shard that moves have to finish the messages in their mailboxes
   * and stop; after that they are stopped at once and the shard moves.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public ShardingOptions setHandOffTimeout(Duration handOffTimeout) {
    Objects.requireNonNull(handOffTimeout, "handOffTimeout");
    if (handOffTimeout.isZero() || handOffTimeout.isNegative()) {
      throw new IllegalArgumentException("handOffTimeout must be positive, was " + handOffTimeout);
    }
    this.handOffTimeout = handOffTimeout;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShardingOptions that && numberOfShards == that.numberOfShards
        && passivateAfter.equals(that.passivateAfter) && bufferSize == that.bufferSize
        && handOffTimeout.equals(that.handOffTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(numberOfShards, passivateAfter, bufferSize, handOffTimeout);
  }

  @Override
  public String toString() {
    return "ShardingOptions[numberOfShards=" + numberOfShards + ", passivateAfter=" + passivateAfter
        + ", bufferSize=" + bufferSize + ", handOffTimeout=" + handOffTimeout + "]";
  }
}
