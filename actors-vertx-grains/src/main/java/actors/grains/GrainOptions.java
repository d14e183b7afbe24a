package actors.grains;

import actors.sharding.ShardingOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a grain type: how its activations are spread (sharding), how long a call may take,
 * and whether its activations are remembered. Every node that registers or reaches a type must
 * give it the same number of shards.
 */
public class GrainOptions {

  /** The shortest reminder period: 1 second. */
  public static final Duration MIN_REMINDER_PERIOD = Duration.ofSeconds(1);

  private ShardingOptions sharding = new ShardingOptions();
  private Duration callTimeout;
  private boolean remembered;
  private boolean reminders;

  /** Default options: default sharding, the system's ask timeout, no reminders, not remembered. */
  public GrainOptions() {
  }

  /** A copy of {@code other}. */
  public GrainOptions(GrainOptions other) {
    this.sharding = new ShardingOptions(other.sharding);
    this.callTimeout = other.callTimeout;
    this.remembered = other.remembered;
    this.reminders = other.reminders;
  }

  public ShardingOptions getSharding() {
    return sharding;
  }

  /** How activations are spread and when they are deactivated ({@code passivateAfter}). */
  public GrainOptions setSharding(ShardingOptions sharding) {
    this.sharding = new ShardingOptions(Objects.requireNonNull(sharding, "sharding"));
    return this;
  }

  /** The call timeout; null means the system's default ask timeout. */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * How long a call's Future waits for its answer before it fails with
   * {@code AskTimeoutException}.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public GrainOptions setCallTimeout(Duration callTimeout) {
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (callTimeout.isZero() || callTimeout.isNegative()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
    this.callTimeout = callTimeout;
    return this;
  }

  public boolean isRemembered() {
    return remembered;
  }

  /**
   * Remembered grains (Pekko's remember-entities) are never deactivated for idleness; their ids
   * are kept in the store and they are activated again, without waiting for a call, after their
   * shard moves, their node dies or the whole cluster restarts, until they
   * {@link GrainContext#deactivateOnIdle() deactivate} themselves.
   */
  public GrainOptions setRemembered(boolean remembered) {
    this.remembered = remembered;
    return this;
  }

  public boolean hasReminders() {
    return reminders;
  }

  /**
   * Lets the type's grains {@link GrainContext#registerReminder register reminders}: its hosts
   * then keep a reminder table in the store ({@code Persistence}) and read it when they start.
   */
  public GrainOptions setReminders(boolean reminders) {
    this.reminders = reminders;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GrainOptions that && sharding.equals(that.sharding)
        && Objects.equals(callTimeout, that.callTimeout) && remembered == that.remembered
        && reminders == that.reminders;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sharding, callTimeout, remembered, reminders);
  }

  @Override
  public String toString() {
    return "GrainOptions[sharding=" + sharding + ", callTimeout=" + callTimeout + ", remembered=" + remembered
        + ", reminders=" + reminders + "]";
  }
}
