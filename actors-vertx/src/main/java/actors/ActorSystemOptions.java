package actors;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of an {@link ActorSystem}, in the style of Vert.x options: fluent setters, defaults
 * as constants, a copy constructor, and a JSON form.
 *
 * <p>JSON keys: {@code name} (string), {@code defaultAskTimeout} (milliseconds),
 * {@code throughput} (int), {@code logDeadLetters} (boolean). The guardian's strategy holds a
 * function and has no JSON form: set it in code.
 */
public class ActorSystemOptions {

  /** Default system name: {@value}. */
  public static final String DEFAULT_NAME = "actors";
  /** Default timeout of {@link ActorRef#ask(Object)}: 5 seconds. */
  public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(5);
  /** Default number of messages an actor processes before it yields its event loop: {@value}. */
  public static final int DEFAULT_THROUGHPUT = 64;
  /** Dead letters are logged by default (at most a few lines a second). */
  public static final boolean DEFAULT_LOG_DEAD_LETTERS = true;

  private String name = DEFAULT_NAME;
  private Duration defaultAskTimeout = DEFAULT_ASK_TIMEOUT;
  private int throughput = DEFAULT_THROUGHPUT;
  private boolean logDeadLetters = DEFAULT_LOG_DEAD_LETTERS;
  private SupervisorStrategy guardianStrategy = SupervisorStrategy.defaultStrategy();

  /** Options with every default. */
  public ActorSystemOptions() {
  }

  /** A copy of {@code other}. */
  public ActorSystemOptions(ActorSystemOptions other) {
    this.name = other.name;
    this.defaultAskTimeout = other.defaultAskTimeout;
    this.throughput = other.throughput;
    this.logDeadLetters = other.logDeadLetters;
    this.guardianStrategy = other.guardianStrategy;
  }

  /**
   * Options from JSON; absent keys keep their defaults.
   *
   * @throws IllegalArgumentException if a value is out of range
   * @throws ClassCastException       if a value has the wrong type
   */
  public ActorSystemOptions(JsonObject json) {
    setName(json.getString("name", DEFAULT_NAME));
    setDefaultAskTimeout(Duration.ofMillis(json.getLong("defaultAskTimeout", DEFAULT_ASK_TIMEOUT.toMillis())));
    setThroughput(json.getInteger("throughput", DEFAULT_THROUGHPUT));
    setLogDeadLetters(json.getBoolean("logDeadLetters", DEFAULT_LOG_DEAD_LETTERS));
  }

  /** These options as JSON, readable by {@link #ActorSystemOptions(JsonObject)}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("defaultAskTimeout", defaultAskTimeout.toMillis())
        .put("throughput", throughput)
        .put("logDeadLetters", logDeadLetters);
  }

  /** The system's name, used in logs. */
  public String getName() {
    return name;
  }

  /**
   * Sets the system's name.
   *
   * @throws IllegalArgumentException if blank
   */
  public ActorSystemOptions setName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The timeout of {@link ActorRef#ask(Object)}. */
  public Duration getDefaultAskTimeout() {
    return defaultAskTimeout;
  }

  /**
   * Sets the timeout of {@link ActorRef#ask(Object)}.
   *
   * @throws IllegalArgumentException if zero or negative
   */
  public ActorSystemOptions setDefaultAskTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("defaultAskTimeout must be positive, was " + timeout);
    }
    this.defaultAskTimeout = timeout;
    return this;
  }

  /** How many user messages an actor processes in one turn before it yields its event loop. */
  public int getThroughput() {
    return throughput;
  }

  /**
   * Sets how many user messages an actor processes in one turn before it yields its event
   * loop: higher favours throughput, lower fairness between actors on one loop.
   *
   * @throws IllegalArgumentException if less than 1
   */
  public ActorSystemOptions setThroughput(int throughput) {
    if (throughput < 1) {
      throw new IllegalArgumentException("throughput must be at least 1, was " + throughput);
    }
    this.throughput = throughput;
    return this;
  }

  /** Whether dead letters are logged. They are counted and passed to listeners either way. */
  public boolean isLogDeadLetters() {
    return logDeadLetters;
  }

  /** Sets whether dead letters are logged. */
  public ActorSystemOptions setLogDeadLetters(boolean logDeadLetters) {
    this.logDeadLetters = logDeadLetters;
    return this;
  }

  /** How the {@code /user} guardian supervises top-level actors. */
  public SupervisorStrategy getGuardianStrategy() {
    return guardianStrategy;
  }

  /**
   * Sets how the {@code /user} guardian supervises top-level actors. Default, as in Pekko:
   * {@link SupervisorStrategy#defaultStrategy()}, which restarts a failed top-level actor. A
   * failure the guardian escalates terminates the system.
   */
  public ActorSystemOptions setGuardianStrategy(SupervisorStrategy strategy) {
    this.guardianStrategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  @Override
  public String toString() {
    return "ActorSystemOptions" + toJson().encode();
  }
}
