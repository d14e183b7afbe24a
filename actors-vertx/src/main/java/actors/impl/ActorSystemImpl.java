package actors.impl;

import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.DeadLetter;
import actors.Directive;
import actors.PoisonPill;
import actors.Props;
import actors.SupervisorStrategy;
import actors.dispatch.Dispatchers;
import actors.event.EventStream;
import actors.dispatch.MailboxOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadChecker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link ActorSystem}: the guardian, the dispatchers, dead letters and the shutdown sequence. */
public final class ActorSystemImpl implements ActorSystem {

  private static final System.Logger LOG = System.getLogger("actors");
  /** The node id of a system whose Vertx is not clustered. */
  static final String LOCAL_NODE = "local";

  private final VertxInternal vertx;
  private final boolean ownsVertx;
  private final ActorSystemOptions options;
  final int throughput;
  final Duration defaultAskTimeout;
  final MailboxOptions defaultMailbox;
  final int spinNanos;
  final EventStreamImpl eventStream = new EventStreamImpl();
  final DeadLetterOffice deadLetterOffice;
  private final ActorRef deadLetters;
  private final RateLimitedLog unhandledLog = new RateLimitedLog(LOG, 10);
  private final EventLoopDispatcher eventLoopDispatcher;
  private final WorkerDispatcher workerDispatcher;
  private final Map<String, CellDispatcher> dispatchers;
  private final Exposures exposures = new Exposures(this);
  private final Map<String, RoundRobinRef> verticlePools = new ConcurrentHashMap<>();
  // Actors that failed and whose supervisor has not yet resumed, restarted or stopped them.
  final Map<ActorCell, Throwable> failing = new ConcurrentHashMap<>();
  private final ActorCell guardian;
  private final Future<String> rootDeployment;
  private final Promise<Void> terminated = Promise.promise();
  private final AtomicBoolean terminateCalled = new AtomicBoolean();
  private volatile boolean terminating;
  private volatile Throwable escalatedFailure;
  private final String nodeId;
  // Null unless the Vertx is clustered.
  private final ClusterTransport transport;
  private final ClusterRegistry registry;

  private ActorSystemImpl(VertxInternal vertx, boolean ownsVertx, ActorSystemOptions options) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.options = options;
    this.throughput = options.getThroughput();
    this.defaultAskTimeout = options.getDefaultAskTimeout();
    this.defaultMailbox = options.getDefaultMailbox();
    this.spinNanos = (int) options.getIdleSpin().toNanos();
    this.deadLetterOffice = new DeadLetterOffice(options.getName(), options.isLogDeadLetters(), eventStream);
    this.deadLetters = new DeadLetterRef(this);
    this.eventLoopDispatcher = new EventLoopDispatcher(vertx, options.getEventLoops());
    this.workerDispatcher = new WorkerDispatcher(vertx, options.getWorkerPoolName(), options.getWorkerPoolSize(),
        options.getWorkerMaxExecuteTime());
    Map<String, CellDispatcher> byName = new LinkedHashMap<>();
    byName.put(Dispatchers.EVENT_LOOP, eventLoopDispatcher);
    byName.put(Dispatchers.CALLER_CONTEXT, new CallerContextDispatcher());
    byName.put(Dispatchers.WORKER, workerDispatcher);
    byName.put(Dispatchers.VIRTUAL_THREAD, new VirtualThreadDispatcher(vertx));
    byName.put(Dispatchers.CALLING_THREAD, new CallingThreadDispatcher(eventLoopDispatcher));
    options.getDispatchers().forEach((name, custom) -> byName.put(name, new CustomDispatcher(name, custom)));
    this.dispatchers = Map.copyOf(byName);
    JacksonMessageCodec codec = JacksonMessageCodec.install(vertx);
    options.getMessagePackages().forEach(codec::allowPackage);
    if (vertx.isClustered()) {
      this.nodeId = vertx.clusterManager().getNodeId();
      MessageAllowList allowList = new MessageAllowList();
      options.getMessagePackages().forEach(allowList::allowPackage);
      this.transport = new ClusterTransport(this, ClusterMembership.install(vertx, vertx.clusterManager()), allowList,
          eventLoopDispatcher.next());
      this.registry = new ClusterRegistry(this, transport.ready());
    } else {
      this.nodeId = LOCAL_NODE;
      this.transport = null;
      this.registry = new ClusterRegistry(this, Future.succeededFuture());
    }
    BlockedThreadChecker checker = vertx.blockedThreadChecker();
    if (checker != null) {
      checker.setThreadBlockedHandler(RunningActors.REPORTER);
    }
    SupervisorStrategy guardianStrategy = options.getGuardianStrategy();
    this.guardian = ActorCell.createGuardian(this, Props.create(GuardianActor.class, () -> new GuardianActor(guardianStrategy)),
        eventLoopDispatcher);
    this.rootDeployment = vertx.deployVerticle(new RootVerticle(this));
  }

  /** Backs the {@code ActorSystem.create} methods; {@code vertx} null means one of its own. */
  public static ActorSystem create(Vertx vertx, ActorSystemOptions options) {
    Objects.requireNonNull(options, "options");
    ActorSystemOptions copy = new ActorSystemOptions(options);
    if (vertx == null) {
      return new ActorSystemImpl((VertxInternal) Vertx.vertx(), true, copy);
    }
    if (!(vertx instanceof VertxInternal internal)) {
      throw new IllegalArgumentException("vertx must be a Vertx made by Vert.x (Vertx.vertx() or Vertx.builder()), was "
          + vertx.getClass().getName());
    }
    return new ActorSystemImpl(internal, false, copy);
  }

  /**
   * Backs the {@code ActorSystem.clustered} methods: a system on a clustered Vertx, once other
   * nodes can reach it.
   */
  public static Future<ActorSystem> clustered(Vertx vertx, boolean ownsVertx, ActorSystemOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(options, "options");
    if (!vertx.isClustered()) {
      throw new IllegalArgumentException("vertx is not clustered: build it with Vertx.builder().withClusterManager(...)"
          + ".buildClustered(), or use ActorSystem.create(vertx, options) for a single node");
    }
    ActorSystemImpl system = new ActorSystemImpl((VertxInternal) vertx, ownsVertx, new ActorSystemOptions(options));
    return system.transport.ready().<ActorSystem>map(system).recover(failure ->
        system.terminate().transform(terminated -> Future.failedFuture(failure)));
  }

  CellDispatcher dispatcher(String name) {
    CellDispatcher dispatcher = dispatchers.get(name);
    if (dispatcher == null) {
      throw new IllegalArgumentException("unknown dispatcher '" + name + "'; known: " + new TreeSet<>(dispatchers.keySet()));
    }
    return dispatcher;
  }

  /** A context for timers of asks made off any context. */
  ContextInternal anyContext() {
    return eventLoopDispatcher.next();
  }

  @Override
  public String name() {
    return options.getName();
  }

  @Override
  public ActorRef actorOf(Props props) {
    return createTopLevel(props, null);
  }

  @Override
  public ActorRef actorOf(Props props, String name) {
    return createTopLevel(props, Objects.requireNonNull(name, "name"));
  }

  private ActorRef createTopLevel(Props props, String name) {
    if (terminating) {
      throw new IllegalStateException("actor system [" + name() + "] is terminating or terminated: no new actors");
    }
    return ActorCell.create(this, guardian, props, name).self;
  }

  /**
   * Starts a top-level actor bound to {@code context} (an actor verticle's); the Future
   * completes once its {@code preStart} has run, and fails with what that threw.
   */
  public Future<ActorRef> startActor(Props props, String name, Context context) {
    Objects.requireNonNull(props, "props");
    Objects.requireNonNull(name, "name");
    if (terminating) {
      return Future.failedFuture(new IllegalStateException("actor system [" + name() + "] is terminating or terminated: no new actors"));
    }
    Promise<Void> started = Promise.promise();
    ActorCell cell = ActorCell.create(this, guardian, props, name,
        new VerticleContextDispatcher((ContextInternal) context), started);
    return started.future().<ActorRef>map(cell.self).recover(failure ->
        // A failed preStart left the actor to its supervisor: stop it, whatever it decided.
        stop(cell.self).transform(stopped -> Future.failedFuture(failure)));
  }

  /** The round-robin ref shared by the instances of one actor-verticle deployment. */
  public RoundRobinRef verticlePool(String deploymentId, String name) {
    return verticlePools.computeIfAbsent(deploymentId, id -> new RoundRobinRef(this, guardian.path() + "/" + name));
  }

  /** Removes a routee from a deployment's pool; the pool goes with its last routee. */
  public void leaveVerticlePool(String deploymentId, ActorRef routee) {
    verticlePools.computeIfPresent(deploymentId, (id, pool) -> pool.remove(routee) ? pool : null);
  }

  /**
   * The cell of {@code ref}, an actor of this system.
   *
   * @throws IllegalArgumentException naming {@code operation} if it is not one
   */
  ActorCell cellOf(ActorRef ref, String operation) {
    Objects.requireNonNull(ref, "ref");
    if (ref instanceof LocalActorRef local && local.cell.system == this) {
      return local.cell;
    }
    throw new IllegalArgumentException("cannot " + operation + " " + ref + ": not an actor of system " + name());
  }

  /** The actors failing now (waiting for their supervisor or a back-off): path and cause. */
  public Map<String, Throwable> failingActors() {
    Map<String, Throwable> byPath = new java.util.TreeMap<>();
    failing.forEach((cell, cause) -> byPath.put(cell.path(), cause));
    return byPath;
  }

  @Override
  public Future<Void> stop(ActorRef ref) {
    ActorCell cell = cellOf(ref, "stop");
    if (cell == guardian) {
      return terminate();
    }
    cell.sendSystem(new SystemMessage.Terminate());
    return CallerContext.rebind(cell.terminationFuture());
  }

  @Override
  public Future<Void> gracefulStop(ActorRef ref, Duration timeout) {
    ActorCell cell = cellOf(ref, "stop");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("gracefulStop timeout must be positive, was " + timeout);
    }
    Promise<Void> stopped = CallerContext.promise();
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> stopped.tryFail(new TimeoutException(
        ref.path() + " did not stop within " + timeout.toMillis() + " ms of a graceful stop")));
    cell.terminationFuture().onComplete(done -> {
      vertx.cancelTimer(timer);
      stopped.tryComplete();
    });
    ref.tell(PoisonPill.INSTANCE);
    return stopped.future();
  }

  @Override
  public Future<ActorInfo> inspect(ActorRef ref) {
    ActorCell cell = cellOf(ref, "inspect");
    Promise<ActorInfo> answer = CallerContext.promise();
    cell.sendSystem(new SystemMessage.Inspect(answer));
    return answer.future();
  }

  @Override
  public Future<Void> terminate() {
    if (terminateCalled.compareAndSet(false, true)) {
      terminating = true;
      rootDeployment
          .transform(deployed -> deployed.succeeded() ? vertx.undeploy(deployed.result()) : stopActors())
          .onComplete(undeployed -> {
            if (undeployed.failed()) {
              LOG.log(System.Logger.Level.WARNING, "[" + name() + "] undeploying the root verticle failed", undeployed.cause());
            }
            if (ownsVertx) {
              closeVertx();
            } else {
              finishTermination();
            }
          });
    }
    return whenTerminated();
  }

  /**
   * Closes the owned Vertx from a thread of its own: called on one of its event loops, close()
   * would complete its Future on that loop, which the close itself shuts down.
   */
  private void closeVertx() {
    Thread closer = new Thread(() -> vertx.close().onComplete(closed -> {
      if (closed.failed()) {
        LOG.log(System.Logger.Level.WARNING, "[" + name() + "] closing Vert.x failed", closed.cause());
      }
      finishTermination();
    }), "actors-" + name() + "-close");
    closer.start();
  }

  /** Stops the guardian, hence every actor; called by the root verticle's undeployment. */
  Future<Void> stopActors() {
    terminating = true;
    // No new messages from the event bus while the actors stop.
    Future<Void> unexposed = transport == null ? exposures.unregisterAll()
        : Future.join(exposures.unregisterAll(), transport.close()).mapEmpty();
    guardian.sendSystem(new SystemMessage.Terminate());
    return Future.join(unexposed, guardian.terminationFuture()).<Void>mapEmpty().andThen(stopped -> {
      workerDispatcher.close();
      if (!terminateCalled.get()) {
        // The Vertx is closing, or someone undeployed the root: terminated all the same.
        finishTermination();
      }
    });
  }

  private void finishTermination() {
    Throwable failure = escalatedFailure;
    if (failure != null) {
      terminated.tryFail(failure);
    } else {
      terminated.tryComplete();
    }
  }

  /** A failure escalated past the guardian: the system terminates and reports it. */
  void guardianFailed(Throwable cause) {
    escalatedFailure = cause;
    LOG.log(System.Logger.Level.ERROR, "[" + name() + "] a failure escalated past /user; terminating the system", cause);
    terminate();
  }

  @Override
  public Future<Void> whenTerminated() {
    return terminated.future();
  }

  @Override
  public void close() {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("ActorSystem.close() blocks until the system has terminated and must not run on an "
          + "event-loop thread (" + Thread.currentThread().getName() + "); use terminate(), which returns a Future");
    }
    try {
      terminate().toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      // An escalated failure: logged when it happened, and whenTerminated() reports it.
    }
  }

  @Override
  public Future<MessageConsumer<Object>> expose(ActorRef ref, String address) {
    if (terminating) {
      throw new IllegalStateException("actor system [" + name() + "] is terminating or terminated: nothing to expose");
    }
    return CallerContext.rebind(exposures.expose(ref, address));
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public ClusterRegistry registry() {
    return registry;
  }

  @Override
  public String addressOf(ActorRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (ref instanceof RemoteActorRef remote && remote.transport == transport) {
      return remote.nodeId + remote.path();
    }
    if (ref instanceof LocalActorRef local && local.cell.system == this || ref == deadLetters
        || ref instanceof RoundRobinRef pool && verticlePools.containsValue(pool)) {
      return nodeId + ref.path();
    }
    throw new IllegalArgumentException(ref + " has no address other nodes can use: it is neither an actor of system "
        + name() + " nor a reference it resolved");
  }

  @Override
  public ActorRef resolve(String address) {
    Objects.requireNonNull(address, "address");
    int slash = address.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("'" + address + "' is not an actor address: expected a node id followed by "
          + "a path, as ActorSystem.addressOf gives (e.g. " + nodeId + "/user/greeter)");
    }
    String node = address.substring(0, slash);
    String path = address.substring(slash);
    if (node.equals(nodeId)) {
      ActorRef local = findLocal(path);
      return local != null ? local : new MissingActorRef(this, path);
    }
    if (transport == null) {
      throw new IllegalArgumentException("'" + address + "' is an actor of node " + node + ", but system " + name()
          + " is not clustered (node id " + nodeId + ")");
    }
    return new RemoteActorRef(transport, node, path);
  }

  /** The reference to this node's actor (or ask, or dead letters) at {@code path}, or null. */
  ActorRef findLocal(String path) {
    if (path.equals(deadLetters.path())) {
      return deadLetters;
    }
    if (path.startsWith("/temp/")) {
      return transport == null ? null : transport.exportedAsk(path);
    }
    String userPath = guardian.path();
    if (!path.startsWith(userPath + "/")) {
      return null;
    }
    ActorCell cell = guardian;
    int start = userPath.length() + 1;
    while (cell != null && start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      cell = cell.childCell(path.substring(start, end));
      start = end + 1;
    }
    if (cell != null && !cell.isTerminated()) {
      return cell.self;
    }
    for (RoundRobinRef pool : verticlePools.values()) {
      if (pool.path().equals(path)) {
        return pool;
      }
    }
    return null;
  }

  @Override
  public EventStream eventStream() {
    return eventStream;
  }

  @Override
  public ActorRef deadLetters() {
    return deadLetters;
  }

  @Override
  public long deadLetterCount() {
    return deadLetterOffice.count();
  }

  @Override
  public void addDeadLetterListener(Handler<DeadLetter> listener) {
    deadLetterOffice.addListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeDeadLetterListener(Handler<DeadLetter> listener) {
    deadLetterOffice.removeListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public ActorSystemOptions options() {
    return new ActorSystemOptions(options);
  }

  void logFailure(ActorCell child, Throwable cause, Directive directive, boolean limitReached, Duration delay) {
    LOG.log(System.Logger.Level.ERROR, "[" + name() + "] " + child.path() + " failed: " + cause
        + "; supervisor " + child.parent.path() + " decided " + directive
        + (limitReached ? " (restart limit reached)" : "")
        + (delay.isZero() ? "" : " after a back-off of " + delay.toMillis() + " ms"), cause);
  }

  void logUnhandled(Object message, ActorRef sender, ActorRef recipient) {
    unhandledLog.log(System.Logger.Level.WARNING, () -> "[" + name() + "] " + recipient.path()
        + " did not handle a message of type " + message.getClass().getName()
        + " from " + (sender == null ? "no sender" : sender.path()));
  }

  @Override
  public String toString() {
    return "ActorSystem[" + name() + "]";
  }
}
