package actors;

import actors.cluster.ClusterSecurityOptions;
import actors.cluster.PartitionOptions;
import actors.dispatch.Dispatcher;
import actors.dispatch.Dispatchers;
import actors.dispatch.MailboxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options of an {@link ActorSystem}, in the style of Vert.x options: fluent setters, defaults
 * as constants, a copy constructor, and a JSON form.
 *
 * <p>JSON keys: {@code name} (string), {@code defaultAskTimeout} (milliseconds),
 * {@code throughput} (int), {@code logDeadLetters} (boolean), {@code workerPoolName} (string),
 * {@code workerPoolSize} (int), {@code workerMaxExecuteTime} (milliseconds),
 * {@code messagePackages} (array of strings), {@code defaultMailbox} (object, see
 * {@link MailboxOptions}), {@code idleSpinNanos} (long), {@code eventLoops} (int),
 * {@code maxFrameSize} (bytes), {@code untrustedMode} (boolean), {@code actorPathInMdc} (boolean),
 * {@code clusterSecurity} (object, see {@link ClusterSecurityOptions}; {@link #toJson()} leaves its secrets out),
 * {@code partition} (object, see {@link PartitionOptions}).
 * The guardian's strategy, custom dispatchers and metrics are code and have no JSON form: set them in code.
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
  /** Default number of threads of the pool behind the {@code worker} dispatcher: {@value}. */
  public static final int DEFAULT_WORKER_POOL_SIZE = 20;
  /** Default time a worker actor may block on one message before Vert.x warns: 60 seconds, as for worker verticles. */
  public static final Duration DEFAULT_WORKER_MAX_EXECUTE_TIME = Duration.ofSeconds(60);

  private static final Set<String> BUILT_IN_DISPATCHERS = Set.of(Dispatchers.EVENT_LOOP, Dispatchers.CALLER_CONTEXT,
      Dispatchers.WORKER, Dispatchers.VIRTUAL_THREAD, Dispatchers.CALLING_THREAD);
  /** Default time an actor on an event loop waits for its next message before it yields the loop: 20 µs. */
  public static final Duration DEFAULT_IDLE_SPIN = Duration.ofNanos(20_000);
  /** Default number of event loops the actors spread over: one per available processor. */
  public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
  /** The largest frame a message may encode to for another node: 4 MiB. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024;

  private String name = DEFAULT_NAME;
  private Duration defaultAskTimeout = DEFAULT_ASK_TIMEOUT;
  private int throughput = DEFAULT_THROUGHPUT;
  private boolean logDeadLetters = DEFAULT_LOG_DEAD_LETTERS;
  private SupervisorStrategy guardianStrategy = SupervisorStrategy.defaultStrategy();
  private String workerPoolName;
  private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;
  private Duration workerMaxExecuteTime = DEFAULT_WORKER_MAX_EXECUTE_TIME;
  private final Map<String, Dispatcher> dispatchers = new LinkedHashMap<>();
  private final Set<String> messagePackages = new LinkedHashSet<>();
  private MailboxOptions defaultMailbox = new MailboxOptions();
  private Duration idleSpin = DEFAULT_IDLE_SPIN;
  private int eventLoops = DEFAULT_EVENT_LOOPS;
  private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
  private boolean untrustedMode;
  private ClusterSecurityOptions clusterSecurity = new ClusterSecurityOptions();
  private PartitionOptions partition = new PartitionOptions();
  private boolean actorPathInMdc;
  private SystemMetricsOptions metricsOptions;

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
    this.workerPoolName = other.workerPoolName;
    this.workerPoolSize = other.workerPoolSize;
    this.workerMaxExecuteTime = other.workerMaxExecuteTime;
    this.dispatchers.putAll(other.dispatchers);
    this.messagePackages.addAll(other.messagePackages);
    this.defaultMailbox = new MailboxOptions(other.defaultMailbox);
    this.idleSpin = other.idleSpin;
    this.maxFrameSize = other.maxFrameSize;
    this.untrustedMode = other.untrustedMode;
    this.clusterSecurity = new ClusterSecurityOptions(other.clusterSecurity);
    this.partition = new PartitionOptions(other.partition);
    this.actorPathInMdc = other.actorPathInMdc;
    this.eventLoops = other.eventLoops;
    this.metricsOptions = other.metricsOptions == null ? null : other.metricsOptions.copy();
  }

  /**
   * Options from JSON; absent keys keep their defaults.
   * @throws IllegalArgumentException if a value is out of range
   * @throws ClassCastException       if a value has the wrong type
   */
  public ActorSystemOptions(JsonObject json) {
    setName(json.getString("name", DEFAULT_NAME));
    setDefaultAskTimeout(Duration.ofMillis(json.getLong("defaultAskTimeout", DEFAULT_ASK_TIMEOUT.toMillis())));
    setThroughput(json.getInteger("throughput", DEFAULT_THROUGHPUT));
    setLogDeadLetters(json.getBoolean("logDeadLetters", DEFAULT_LOG_DEAD_LETTERS));
    Optional.ofNullable(json.getString("workerPoolName")).ifPresent(this::setWorkerPoolName);
    setWorkerPoolSize(json.getInteger("workerPoolSize", DEFAULT_WORKER_POOL_SIZE));
    setWorkerMaxExecuteTime(Duration.ofMillis(json.getLong("workerMaxExecuteTime", DEFAULT_WORKER_MAX_EXECUTE_TIME.toMillis())));
    setIdleSpin(Duration.ofNanos(json.getLong("idleSpinNanos", DEFAULT_IDLE_SPIN.toNanos())));
    setEventLoops(json.getInteger("eventLoops", DEFAULT_EVENT_LOOPS));
    setMaxFrameSize(json.getInteger("maxFrameSize", DEFAULT_MAX_FRAME_SIZE));
    setUntrustedMode(json.getBoolean("untrustedMode", false));
    setActorPathInMdc(json.getBoolean("actorPathInMdc", false));
    Optional.ofNullable(json.getJsonObject("clusterSecurity")).map(ClusterSecurityOptions::new).ifPresent(this::setClusterSecurity);
    Optional.ofNullable(json.getJsonObject("partition")).map(PartitionOptions::new).ifPresent(this::setPartitionOptions);
    Optional.ofNullable(json.getJsonObject("defaultMailbox")).map(MailboxOptions::new).ifPresent(this::setDefaultMailbox);
    json.getJsonArray("messagePackages", new JsonArray()).forEach(name -> addMessagePackage((String) name));
  }

  /** These options as JSON, readable by {@link #ActorSystemOptions(JsonObject)}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("defaultAskTimeout", defaultAskTimeout.toMillis())
        .put("throughput", throughput)
        .put("logDeadLetters", logDeadLetters)
        .put("workerPoolName", getWorkerPoolName())
        .put("workerPoolSize", workerPoolSize)
        .put("workerMaxExecuteTime", workerMaxExecuteTime.toMillis())
        .put("messagePackages", new JsonArray(List.copyOf(messagePackages)))
        .put("defaultMailbox", defaultMailbox.toJson())
        .put("idleSpinNanos", idleSpin.toNanos())
        .put("maxFrameSize", maxFrameSize)
        .put("untrustedMode", untrustedMode)
        .put("clusterSecurity", clusterSecurity.toJson())
        .put("partition", partition.toJson())
        .put("actorPathInMdc", actorPathInMdc)
        .put("eventLoops", eventLoops);
  }

  /** The system's name, used in logs. */
  public String getName() {
    return name;
  }

  /** Sets the system's name; a blank one is refused with an IllegalArgumentException. */
  public ActorSystemOptions setName(String name) {
    this.name = notBlank(name, "name");
    return this;
  }

  /** The timeout of {@link ActorRef#ask(Object)}. */
  public Duration getDefaultAskTimeout() {
    return defaultAskTimeout;
  }

  /** Sets the timeout of {@link ActorRef#ask(Object)}; zero or negative is refused with an IllegalArgumentException. */
  public ActorSystemOptions setDefaultAskTimeout(Duration timeout) {
    this.defaultAskTimeout = positive(timeout, "defaultAskTimeout");
    return this;
  }

  /** How many user messages an actor processes in one turn before it yields its event loop. */
  public int getThroughput() {
    return throughput;
  }

  /**
   * Sets how many user messages an actor processes in one turn before it yields its event loop (at least 1, or an
   * IllegalArgumentException): higher favours throughput, lower fairness between actors on one loop.
   */
  public ActorSystemOptions setThroughput(int throughput) {
    this.throughput = atLeast(throughput, 1, "throughput");
    return this;
  }

  /** The metrics options; null (the default) while metrics are off. */
  public SystemMetricsOptions getMetricsOptions() {
    return metricsOptions;
  }

  /** Turns metrics on (Micrometer's: {@code ActorMetricsOptions} of actors-vertx-metrics), or off with null, the default. */
  public ActorSystemOptions setMetricsOptions(SystemMetricsOptions metricsOptions) {
    this.metricsOptions = metricsOptions == null ? null : metricsOptions.copy();
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
   * Sets how the {@code /user} guardian supervises top-level actors. Default, as in Pekko: {@link
   * SupervisorStrategy#defaultStrategy()}, which restarts a failed top-level actor; what it escalates terminates the system.
   */
  public ActorSystemOptions setGuardianStrategy(SupervisorStrategy strategy) {
    this.guardianStrategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /** The name of the worker pool behind the {@code worker} dispatcher; {@code actors-<name>-worker} unless set. */
  public String getWorkerPoolName() {
    return workerPoolName != null ? workerPoolName : "actors-" + name + "-worker";
  }

  /**
   * Names the worker pool behind the {@code worker} dispatcher (blank: an IllegalArgumentException). Vert.x shares
   * worker pools by name, so systems (and {@code WorkerExecutor}s) that use the same name share the threads.
   */
  public ActorSystemOptions setWorkerPoolName(String workerPoolName) {
    this.workerPoolName = notBlank(workerPoolName, "workerPoolName");
    return this;
  }

  /** How many threads the {@code worker} dispatcher's pool has: how many worker actors run at once. */
  public int getWorkerPoolSize() {
    return workerPoolSize;
  }

  /** Sets how many threads the {@code worker} dispatcher's pool (made with the first worker actor) has: at least 1. */
  public ActorSystemOptions setWorkerPoolSize(int workerPoolSize) {
    this.workerPoolSize = atLeast(workerPoolSize, 1, "workerPoolSize");
    return this;
  }

  /** How long a worker actor may take over one message before Vert.x's blocked-thread checker warns. */
  public Duration getWorkerMaxExecuteTime() {
    return workerMaxExecuteTime;
  }

  /**
   * Sets how long a worker actor may take over one message before Vert.x's blocked-thread checker warns (it checks
   * every {@code VertxOptions.blockedThreadCheckInterval}); zero or negative is refused with an IllegalArgumentException.
   */
  public ActorSystemOptions setWorkerMaxExecuteTime(Duration workerMaxExecuteTime) {
    this.workerMaxExecuteTime = positive(workerMaxExecuteTime, "workerMaxExecuteTime");
    return this;
  }

  /** The custom dispatchers by name, in the order they were added. */
  public Map<String, Dispatcher> getDispatchers() {
    return Collections.unmodifiableMap(dispatchers);
  }

  /**
   * Registers a custom dispatcher under {@code name}, for {@link Props#withDispatcher(String)};
   * adding a name again replaces it.
   *
   * @throws IllegalArgumentException if {@code name} is blank or a built-in one ({@link Dispatchers})
   */
  public ActorSystemOptions addDispatcher(String name, Dispatcher dispatcher) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dispatcher, "dispatcher");
    if (name.isBlank()) {
      throw new IllegalArgumentException("dispatcher name must not be blank");
    }
    if (BUILT_IN_DISPATCHERS.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is a built-in dispatcher; choose another name");
    }
    dispatchers.put(name, dispatcher);
    return this;
  }

  /** How long an event-loop actor that ran out of messages waits for the next before it yields the loop. */
  public Duration getIdleSpin() {
    return idleSpin;
  }

  /**
   * Sets how long an actor on an event loop that has run out of messages waits (spinning, then yielding the core
   * between checks) for the next one before it gives the loop back, while nothing else waits for the loop: replies
   * within that time skip putting the loop to sleep and waking it, tens of microseconds per message between actors
   * on different loops. An actor whose last message came from Vert.x code on an event loop (a route, a consumer)
   * does not wait. Its price, after each burst: up to that much CPU time, and network I/O on that loop waits up to
   * that long (queued tasks do not). {@link Duration#ZERO} turns it off.
   *
   * @throws IllegalArgumentException if negative or above one millisecond
   */
  public ActorSystemOptions setIdleSpin(Duration idleSpin) {
    Objects.requireNonNull(idleSpin, "idleSpin");
    if (idleSpin.isNegative() || idleSpin.compareTo(Duration.ofMillis(1)) > 0) {
      throw new IllegalArgumentException("idleSpin must be between 0 and 1 ms, was " + idleSpin);
    }
    this.idleSpin = idleSpin;
    return this;
  }

  /** The largest frame, in bytes, a message may encode to for another node. */
  public int getMaxFrameSize() {
    return maxFrameSize;
  }

  /**
   * Sets the largest frame, in bytes, a message to another node may encode to: a larger one fails its
   * {@code tell} or {@code ask} with {@link actors.cluster.MessageEncodingException}, and a larger frame
   * that arrives is refused undecoded, a dead letter. Give every node of a cluster the same value.
   *
   * @throws IllegalArgumentException if below 1 KiB
   */
  public ActorSystemOptions setMaxFrameSize(int maxFrameSize) {
    this.maxFrameSize = atLeast(maxFrameSize, 1024, "maxFrameSize");
    return this;
  }

  /** The MDC key of the actor's path while {@code receive} runs, when {@link #setActorPathInMdc} is on: {@value}. */
  public static final String MDC_ACTOR_PATH = "actorPath";

  /** Whether the actor's path is in SLF4J's MDC while {@code receive} runs; see {@link #setActorPathInMdc}. */
  public boolean isActorPathInMdc() {
    return actorPathInMdc;
  }

  /**
   * Puts the actor's path in SLF4J's MDC under {@value #MDC_ACTOR_PATH} while its {@code receive} runs, so that log
   * lines say which actor wrote them ({@code %X{actorPath}} in a Logback pattern). Off by default: it costs two map
   * operations a message. Needs {@code org.slf4j:slf4j-api}; the system refuses to start without it.
   */
  public ActorSystemOptions setActorPathInMdc(boolean actorPathInMdc) {
    this.actorPathInMdc = actorPathInMdc;
    return this;
  }

  /** Whether this node trusts other nodes less than its own code; see {@link #setUntrustedMode}. */
  public boolean isUntrustedMode() {
    return untrustedMode;
  }

  /**
   * Sets whether this node keeps other nodes at arm's length, as Pekko's untrusted mode does:
   * a {@code PoisonPill} or {@code Kill} from another node is dropped, so are its death-watch
   * frames, and only actors registered in {@code registry()} (and the replies to this node's
   * asks, and exposed addresses) are reachable from other nodes. What is dropped is a dead
   * letter, and an ask that carried it fails at once. Off by default.
   */
  public ActorSystemOptions setUntrustedMode(boolean untrustedMode) {
    this.untrustedMode = untrustedMode;
    return this;
  }

  /** Which side of a split keeps hosting shards and singletons, and the timing of that right (a copy). */
  public PartitionOptions getPartitionOptions() {
    return new PartitionOptions(partition);
  }

  /** Sets which side of a split keeps hosting, and the timing; checked ({@link PartitionOptions#validate}) when a clustered system starts. */
  public ActorSystemOptions setPartitionOptions(PartitionOptions partition) {
    this.partition = new PartitionOptions(Objects.requireNonNull(partition, "partition"));
    return this;
  }

  /** Who may speak as a node of the cluster (a copy); see {@link ClusterSecurityOptions}. */
  public ClusterSecurityOptions getClusterSecurity() {
    return new ClusterSecurityOptions(clusterSecurity);
  }

  /**
   * Sets who may speak as a node of the cluster (a copy of {@code security}): a cluster secret, or nothing with
   * event-bus TLS and client authentication, or insecure for development; with none a clustered system refuses to start.
   */
  public ActorSystemOptions setClusterSecurity(ClusterSecurityOptions security) {
    this.clusterSecurity = new ClusterSecurityOptions(Objects.requireNonNull(security, "security"));
    return this;
  }

  /** How many of the Vertx's event loops the default dispatcher spreads actors over. */
  public int getEventLoops() {
    return eventLoops;
  }

  /**
   * Sets how many of the Vertx's event loops the default dispatcher spreads actors over, round-robin (at most as many
   * as the Vertx has). The default, one per processor, is half of Vert.x's: with more loops than cores a message that
   * crosses loops often waits for its loop to be scheduled (a token ring ran 11 times slower on 4 loops than on 2).
   *
   * @throws IllegalArgumentException if below 1
   */
  public ActorSystemOptions setEventLoops(int eventLoops) {
    this.eventLoops = atLeast(eventLoops, 1, "eventLoops");
    return this;
  }

  /** The mailbox of actors whose Props set none; unbounded unless set. */
  public MailboxOptions getDefaultMailbox() {
    return new MailboxOptions(defaultMailbox);
  }

  /** Sets the mailbox of actors whose Props set none (a copy of {@code options}). */
  public ActorSystemOptions setDefaultMailbox(MailboxOptions options) {
    this.defaultMailbox = new MailboxOptions(Objects.requireNonNull(options, "options"));
    return this;
  }

  /** The packages whose records and POJOs this node decodes when they arrive from other nodes. */
  public Set<String> getMessagePackages() {
    return Collections.unmodifiableSet(messagePackages);
  }

  /**
   * Allows records and POJOs of classes in {@code packageName} (not its sub-packages) to be decoded when they arrive
   * from another node, to an actor or to an exposed address. Classes of other packages are refused unless annotated
   * {@link actors.cluster.ClusterMessage}, so a peer cannot make this node instantiate arbitrary classes.
   *
   * @throws IllegalArgumentException if blank, not a package name, a package of the JDK
   *     ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}, {@code com.sun.*}) or of the library's internals
   */
  public ActorSystemOptions addMessagePackage(String packageName) {
    messagePackages.add(MessagePackages.check(packageName));
    return this;
  }

  @Override
  public String toString() {
    return "ActorSystemOptions" + toJson().encode();
  }

  private static Duration positive(Duration value, String what) {
    if (Objects.requireNonNull(value, what).isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
    return value;
  }

  private static String notBlank(String value, String what) {
    if (Objects.requireNonNull(value, what).isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  private static int atLeast(int value, int least, String what) {
    if (value < least) {
      throw new IllegalArgumentException(what + " must be at least " + least + ", was " + value);
    }
    return value;
  }
}
