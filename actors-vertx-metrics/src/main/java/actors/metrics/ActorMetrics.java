package actors.metrics;

/**
 * The names of the meters an actor system reports when {@link ActorMetricsOptions metrics} are
 * on. Every meter has the tag {@value #SYSTEM} (the system's name); those of actors have
 * {@value #ACTOR}, their group: the actor class's name, or a path prefix such as
 * {@code /user/orders}. In Prometheus the dots become underscores, and timers gain
 * {@code _seconds_count} and {@code _seconds_sum} ({@code _seconds_max} too for {@link #ASKS}).
 */
public final class ActorMetrics {

  /** Tag: the actor system's name. */
  public static final String SYSTEM = "system";
  /** Tag: the group of actors (class name or path prefix). */
  public static final String ACTOR = "actor";
  /** Tag: the class of a failure's cause. */
  public static final String CAUSE = "cause";
  /** Tag: why a message went to dead letters, one of a few categories such as {@code recipient_stopped}. */
  public static final String REASON = "reason";
  /** Tag: how an ask ended: {@code answered}, {@code failed} or {@code timed_out}. */
  public static final String OUTCOME = "outcome";
  /** Tag: {@code sent} or {@code received}. */
  public static final String DIRECTION = "direction";

  /**
   * Function timer (count and total time), by actor: messages processed (exact), and how long
   * {@code receive} took (from one message in {@link ActorMetricsOptions#setTimeOneIn}).
   */
  public static final String MESSAGES_PROCESSED = "actors.messages.processed";
  /**
   * Function timer (count and total time), by actor: how long messages waited in mailboxes
   * (counted exactly, timed one in {@link ActorMetricsOptions#setTimeOneIn}).
   */
  public static final String MAILBOX_TIME = "actors.mailbox.time";
  /** Gauge, by actor: messages waiting in mailboxes (stashed ones not included), counted when scraped. */
  public static final String MAILBOX_SIZE = "actors.mailbox.size";
  /** Gauge, by actor: actors alive. */
  public static final String LIVE = "actors.live";
  /** Counter, by actor: actors stopped. */
  public static final String STOPS = "actors.stops";
  /** Counter, by actor and cause: failures ({@code receive} or a lifecycle hook threw). */
  public static final String FAILURES = "actors.failures";
  /** Counter, by actor and cause: restarts. */
  public static final String RESTARTS = "actors.restarts";
  /** Counter, by reason: messages that went to dead letters. */
  public static final String DEAD_LETTERS = "actors.deadletters";
  /** Counter: asks sent. */
  public static final String ASKS_SENT = "actors.asks.sent";
  /** Timer, by outcome: asks that ended, and how long they took. */
  public static final String ASKS = "actors.asks";
  /** Counter, by direction: frames to and from other nodes. */
  public static final String REMOTE_FRAMES = "actors.remote.frames";
  /** Distribution summary in bytes, by direction: the sizes of frames to and from other nodes. */
  public static final String REMOTE_BYTES = "actors.remote.bytes";

  private ActorMetrics() {
  }
}
