package actors.dispatch;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How an actor's mailbox queues its messages, for {@link actors.Props#withMailbox} or as the
 * system default ({@link actors.ActorSystemOptions#setDefaultMailbox}). The default is
 * unbounded, first in first out, and lock-free; every other kind takes a short lock per message.
 *
 * <ul>
 *   <li>Bounded: {@link #setCapacity(int)} with an {@link OverflowStrategy} for a full mailbox.
 *       Dropped messages are dead letters, counted, with the reason.</li>
 *   <li>Priority: {@link #setPriority(ToIntFunction)}; lower values first, arrival order among
 *       equal ones. A message whose priority function throws is a dead letter with the
 *       reason, and the actor keeps running.</li>
 *   <li>Control-aware: {@link #setControlAware(boolean)}; {@link ControlMessage}s first.</li>
 * </ul>
 *
 * <p>Whatever the kind, a mailbox that holds {@link #setWarningSize(int) warningSize} messages
 * or more is logged as a warning (at most once a minute per actor): its actor receives faster
 * than it processes.
 *
 * <p>JSON keys: {@code capacity} (int), {@code overflowStrategy} (name), {@code controlAware}
 * (boolean), {@code warningSize} (int). A priority function is code: set it in code.
 */
public class MailboxOptions {

  /** What a full bounded mailbox does with one more message. */
  public enum OverflowStrategy {
    /** The new message is a dead letter. */
    DROP_NEW,
    /**
     * The oldest waiting message is a dead letter, and the new one is enqueued (in a priority
     * mailbox: the waiting message that would be processed last).
     */
    DROP_OLD,
    /**
     * The message is refused: {@code tell} throws {@link actors.MailboxFullException}, an
     * {@code ask}'s Future fails with it.
     */
    FAIL
  }

  /** No capacity limit: {@value}. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;
  /** Default overflow strategy of a bounded mailbox. */
  public static final OverflowStrategy DEFAULT_OVERFLOW_STRATEGY = OverflowStrategy.DROP_NEW;
  /** Default size from which a mailbox is logged as falling behind: {@value}. */
  public static final int DEFAULT_WARNING_SIZE = 100_000;

  private int capacity = UNBOUNDED;
  private OverflowStrategy overflowStrategy = DEFAULT_OVERFLOW_STRATEGY;
  private ToIntFunction<Object> priority;
  private boolean controlAware;
  private int warningSize = DEFAULT_WARNING_SIZE;

  /** The default: unbounded, first in first out. */
  public MailboxOptions() {
  }

  /** A copy of {@code other}. */
  public MailboxOptions(MailboxOptions other) {
    this.capacity = other.capacity;
    this.overflowStrategy = other.overflowStrategy;
    this.priority = other.priority;
    this.controlAware = other.controlAware;
    this.warningSize = other.warningSize;
  }

  /**
   * Options from JSON; absent keys keep their defaults.
   *
   * @throws IllegalArgumentException if a value is out of range or an unknown strategy
   */
  public MailboxOptions(JsonObject json) {
    setCapacity(json.getInteger("capacity", UNBOUNDED));
    setOverflowStrategy(OverflowStrategy.valueOf(json.getString("overflowStrategy", DEFAULT_OVERFLOW_STRATEGY.name())));
    setControlAware(json.getBoolean("controlAware", false));
    setWarningSize(json.getInteger("warningSize", DEFAULT_WARNING_SIZE));
  }

  /** A bounded mailbox. */
  public static MailboxOptions bounded(int capacity, OverflowStrategy overflowStrategy) {
    return new MailboxOptions().setCapacity(capacity).setOverflowStrategy(overflowStrategy);
  }

  /** A priority mailbox: lower values of {@code priority} first. */
  public static MailboxOptions priority(ToIntFunction<Object> priority) {
    return new MailboxOptions().setPriority(priority);
  }

  /** A control-aware mailbox: {@link ControlMessage}s first. */
  public static MailboxOptions controlAware() {
    return new MailboxOptions().setControlAware(true);
  }

  /** These options as JSON, readable by {@link #MailboxOptions(JsonObject)}; without the priority function. */
  public JsonObject toJson() {
    return new JsonObject().put("capacity", capacity).put("overflowStrategy", overflowStrategy.name())
        .put("controlAware", controlAware).put("warningSize", warningSize);
  }

  /** How many messages may wait; {@link #UNBOUNDED} unless set. */
  public int getCapacity() {
    return capacity;
  }

  /**
   * Bounds the mailbox.
   *
   * @throws IllegalArgumentException if less than 1
   */
  public MailboxOptions setCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("mailbox capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    return this;
  }

  /** What a full mailbox does. */
  public OverflowStrategy getOverflowStrategy() {
    return overflowStrategy;
  }

  /** Sets what a full mailbox does with one more message. */
  public MailboxOptions setOverflowStrategy(OverflowStrategy overflowStrategy) {
    this.overflowStrategy = Objects.requireNonNull(overflowStrategy, "overflowStrategy");
    return this;
  }

  /** The priority function, or {@code null} for arrival order. */
  public ToIntFunction<Object> getPriority() {
    return priority;
  }

  /**
   * Orders messages by {@code priority}, lower values first, arrival order among equal values.
   * It runs on the sender's thread, once per message, and must be quick.
   */
  public MailboxOptions setPriority(ToIntFunction<Object> priority) {
    this.priority = Objects.requireNonNull(priority, "priority");
    return this;
  }

  /** Whether {@link ControlMessage}s jump the queue. */
  public boolean isControlAware() {
    return controlAware;
  }

  /** Makes {@link ControlMessage}s jump the queue. */
  public MailboxOptions setControlAware(boolean controlAware) {
    this.controlAware = controlAware;
    return this;
  }

  /** How many waiting messages make the mailbox logged as falling behind; 0: never. */
  public int getWarningSize() {
    return warningSize;
  }

  /**
   * Sets how many waiting messages make the mailbox logged as falling behind ({@value
   * #DEFAULT_WARNING_SIZE} unless set); 0 turns the warning off. The size is sampled, about
   * once a second per event loop, on actors that have more waiting than one turn processes.
   *
   * @throws IllegalArgumentException if negative
   */
  public MailboxOptions setWarningSize(int warningSize) {
    if (warningSize < 0) {
      throw new IllegalArgumentException("mailbox warningSize must be 0 (off) or more, was " + warningSize);
    }
    this.warningSize = warningSize;
    return this;
  }

  /**
   * Whether the queue is the default one: unbounded, first in first out, lock-free. The warning
   * size does not change the queue.
   */
  public boolean isDefault() {
    return capacity == UNBOUNDED && priority == null && !controlAware;
  }

  @Override
  public String toString() {
    return "MailboxOptions" + toJson().encode() + (priority != null ? " with a priority function" : "");
  }
}
