package actors.impl;

import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.DeadLetter;
import actors.Props;
import actors.SupervisorStrategy;
import actors.cluster.ActorRegistry;
import actors.cluster.impl.ClusterTransport;
import actors.dispatch.MailboxOptions;
import actors.dispatch.impl.DispatcherRegistry;
import actors.dispatch.impl.RunningActors;
import actors.dispatch.impl.VerticleContextDispatcher;
import actors.event.EventStream;
import actors.event.impl.DeadLetterOffice;
import actors.event.impl.EventStreamImpl;
import actors.event.impl.RateLimitedLog;
import actors.impl.cell.ActorCell;
import actors.impl.cell.FailingActors;
import actors.internal.ActorView;
import actors.internal.CallerContext;
import actors.internal.LocalRef;
import actors.internal.MessageAllowList;
import actors.internal.MessageTracing;
import actors.internal.MetricsFactory;
import actors.internal.RemoteProvider;
import actors.internal.SystemMeters;
import actors.internal.SystemServices;
import actors.internal.VerticlePool;
import actors.routing.impl.VerticlePools;
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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The {@link ActorSystem}: the guardian and the shutdown sequence. It is the composition root:
 * it builds each concern's machinery (dispatchers, event stream and dead letters, the verticle
 * pools, and the cluster transport when the Vertx is clustered) and hands the concerns to each
 * other as {@link SystemServices}.
 */
public final class ActorSystemImpl implements SystemServices {

  private static final System.Logger LOG = System.getLogger("actors.system");

  private final VertxInternal vertx;
  private final ActorSystemOptions options;
  private final int throughput;
  private final int idleSpinNanos;
  private final Duration defaultAskTimeout;
  private final MailboxOptions defaultMailbox;
  private final EventStreamImpl eventStream = new EventStreamImpl();
  private final DeadLetterOffice deadLetterOffice;
  private final SystemMeters meters;
  private final MessageTracing tracing;
  private final ActorRef deadLetters;
  private final RateLimitedLog unhandledLog = new RateLimitedLog(System.getLogger("actors.unhandled"), 10);
  private final DispatcherRegistry dispatchers;
  private final Exposures exposures;
  private final VerticlePools verticlePools = new VerticlePools(this);
  private final FailingActors failing = new FailingActors();
  private final RemoteProvider provider;
  // Created on first use, unless clustered: a local system that never registers has none.
  private ActorRegistryImpl registry;
  private final ActorCell guardian;
  private final Addressing addressing;
  private final Shutdown shutdown;
  private volatile boolean terminating;

  ActorSystemImpl(VertxInternal vertx, boolean ownsVertx, ActorSystemOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.throughput = options.getThroughput();
    this.idleSpinNanos = (int) options.getIdleSpin().toNanos();
    this.defaultAskTimeout = options.getDefaultAskTimeout();
    this.defaultMailbox = options.getDefaultMailbox();
    this.meters = options.getMetricsOptions() == null ? null
        : MetricsFactory.meters(options.getName(), options.getMetricsOptions());
    this.tracing = MessageTracing.of(vertx);
    LogContext.check(options);
    this.deadLetterOffice = new DeadLetterOffice(options.getName(), options.isLogDeadLetters(), eventStream, meters);
    this.deadLetters = new DeadLetterRef(this);
    this.dispatchers = new DispatcherRegistry(vertx, this, options);
    JacksonMessageCodec codec = JacksonMessageCodec.install(vertx);
    options.getMessagePackages().forEach(codec::allowPackage);
    // This system's own list: what its exposed addresses and its transport decode.
    MessageAllowList allowList = new MessageAllowList();
    options.getMessagePackages().forEach(allowList::allowPackage);
    this.exposures = new Exposures(this, allowList);
    if (vertx.isClustered()) {
      this.provider = ClusterTransport.start(this, vertx, allowList, options, dispatchers.eventLoops().contexts());
      // Every node that sees another leave removes its entries: each keeps a registry.
      this.registry = new ActorRegistryImpl(this, provider.ready());
    } else {
      this.provider = new LocalProvider(options.getName());
    }
    BlockedThreadChecker checker = vertx.blockedThreadChecker();
    if (checker != null) {
      checker.setThreadBlockedHandler(RunningActors.REPORTER);
    }
    SupervisorStrategy guardianStrategy = options.getGuardianStrategy();
    this.guardian = ActorCell.createGuardian(this, Props.create(GuardianActor.class, () -> new GuardianActor(guardianStrategy)),
        dispatchers.eventLoops(), this::guardianFailed);
    this.addressing = new Addressing(this, provider, guardian, verticlePools);
    this.shutdown = new Shutdown(vertx, ownsVertx, options.getName(), vertx.deployVerticle(new RootVerticle(this)),
        this::stopActors);
    provider.systemStarted();
  }

  // ---------------------------------------------------------------- what the cells read

  /** User messages per drain. */
  public int throughput() {
    return throughput;
  }

  /** How long an event-loop drain that ran out of messages waits for more. */
  public int idleSpinNanos() {
    return idleSpinNanos;
  }

  /** The mailbox of actors whose Props name none. */
  public MailboxOptions defaultMailbox() {
    return defaultMailbox;
  }

  /** Whether actors put their path in SLF4J's MDC while they process a message. */
  public boolean actorPathInMdc() {
    return options.isActorPathInMdc();
  }

  /** The dispatchers, by name. */
  public DispatcherRegistry dispatchers() {
    return dispatchers;
  }

  /** The event stream, with what the cells need to skip building events nobody wants. */
  public EventStreamImpl events() {
    return eventStream;
  }

  /** The actors failing now. */
  public FailingActors failing() {
    return failing;
  }

  /** How this system reaches actors of other nodes. */
  public RemoteProvider provider() {
    return provider;
  }

  /** Logs, at a bounded rate, a message an actor did not handle. */
  public void logUnhandled(Object message, ActorRef sender, ActorRef recipient) {
    unhandledLog.log(System.Logger.Level.WARNING, () -> "[" + name() + "] " + recipient.path()
        + " did not handle a message of type " + message.getClass().getName()
        + " from " + (sender == null ? "no sender" : sender.path()));
  }

  // ---------------------------------------------------------------- SystemServices

  @Override
  public DeadLetterOffice deadLetterOffice() {
    return deadLetterOffice;
  }

  @Override
  public ActorView actorView(String path) {
    if (path.equals(guardian.path())) {
      return ((LocalRef) guardian.self()).view();
    }
    return findLocal(path) instanceof LocalRef local ? local.view() : null;
  }

  @Override
  public MessageTracing tracing() {
    return tracing;
  }

  @Override
  public SystemMeters meters() {
    return meters;
  }

  @Override
  public Duration defaultAskTimeout() {
    return defaultAskTimeout;
  }

  @Override
  public ContextInternal anyContext() {
    return dispatchers.anyContext();
  }

  @Override
  public <T> Future<T> ask(ActorRef target, Object message, Duration timeout) {
    return Asks.ask(this, target, message, timeout, false, anyContext());
  }

  @Override
  public Future<ActorRef> startActor(Props props, String name, Context context) {
    Objects.requireNonNull(props, "props");
    Objects.requireNonNull(name, "name");
    if (terminating) {
      return Future.failedFuture(new IllegalStateException("actor system [" + name() + "] is terminating or terminated: no new actors"));
    }
    Promise<Void> started = Promise.promise();
    ActorRef ref = guardian.startChild(props, name, new VerticleContextDispatcher((ContextInternal) context), started);
    return started.future().<ActorRef>map(ref).recover(failure ->
        // A failed preStart left the actor to its supervisor: stop it, whatever it decided.
        stop(ref).transform(stopped -> Future.failedFuture(failure)));
  }

  @Override
  public VerticlePool verticlePool(String deploymentId, String name) {
    return verticlePools.join(deploymentId, guardian.path() + "/" + name);
  }

  @Override
  public void leaveVerticlePool(String deploymentId, ActorRef routee) {
    verticlePools.leave(deploymentId, routee);
  }

  @Override
  public Map<String, Throwable> failingActors() {
    return failing.byPath();
  }

  @Override
  public boolean isRegistered(String path) {
    ActorRegistryImpl current = registry;
    return current != null && current.isRegisteredHere(path);
  }

  @Override
  public void nodeLeft(String node) {
    ActorRegistryImpl current = registry;
    if (current != null) {
      current.nodeLeft(node);
    }
  }

  // ---------------------------------------------------------------- ActorSystem

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
    return guardian.createTopLevel(props, name, false);
  }

  /** {@code ref} as an actor of this system; an IllegalArgumentException naming {@code operation} if it is not one. */
  LocalRef localOf(ActorRef ref, String operation) {
    Objects.requireNonNull(ref, "ref");
    if (ref instanceof LocalRef local && local.system() == this) {
      return local;
    }
    throw new IllegalArgumentException("cannot " + operation + " " + ref + ": not an actor of system " + name());
  }

  @Override
  public Future<Void> stop(ActorRef ref) {
    LocalRef local = localOf(ref, "stop");
    if (local == guardian.self()) {
      return terminate();
    }
    local.stop();
    return CallerContext.rebind(local.whenTerminated());
  }

  @Override
  public Future<Void> gracefulStop(ActorRef ref, Duration timeout) {
    return GracefulStop.stop(vertx, localOf(ref, "stop"), timeout);
  }

  @Override
  public Future<ActorInfo> inspect(ActorRef ref) {
    LocalRef local = localOf(ref, "inspect");
    Promise<ActorInfo> answer = CallerContext.promise();
    local.inspect(answer);
    return answer.future();
  }

  @Override
  public Future<Void> terminate() {
    terminating = true;
    return shutdown.terminate();
  }

  /** The root verticle's undeployment stops every actor. */
  Future<Void> rootStopped() {
    return shutdown.rootStopped();
  }

  /** Stops the guardian, hence every actor. */
  private Future<Void> stopActors() {
    terminating = true;
    // No new messages from the event bus while the actors stop.
    Future<Void> unexposed = Future.join(exposures.unregisterAll(), provider.close()).mapEmpty();
    LocalRef root = (LocalRef) guardian.self();
    root.stop();
    return Future.join(unexposed, root.whenTerminated()).transform(stopped -> shutdown.runHooks())
        .andThen(hooksRan -> dispatchers.close());
  }

  @Override
  public void beforeTerminated(Supplier<Future<?>> hook) {
    shutdown.addHook(hook);
  }

  /** A failure escalated past the guardian: the system terminates and reports it. */
  private void guardianFailed(Throwable cause) {
    LOG.log(System.Logger.Level.ERROR, "[" + name() + "] a failure escalated past /user; terminating the system", cause);
    terminating = true;
    shutdown.escalated(cause);
  }

  @Override
  public Future<Void> whenTerminated() {
    return shutdown.whenTerminated();
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
    return provider.nodeId();
  }

  @Override
  public String addressOf(ActorRef ref) {
    return addressing.addressOf(ref);
  }

  @Override
  public ActorRef resolve(String address) {
    return addressing.resolve(address);
  }

  @Override
  public ActorRef findLocal(String path) {
    return addressing.findLocal(path);
  }

  @Override
  public ActorRef missingActor(String path) {
    return new MissingActorRef(this, path);
  }

  @Override
  public synchronized ActorRegistry registry() {
    if (registry == null) {
      registry = new ActorRegistryImpl(this, provider.ready());
    }
    return registry;
  }

  @Override
  public RemoteProvider remoteProvider() {
    return provider;
  }

  @Override
  public ActorRef systemActorOf(Props props, String name) {
    if (!name.startsWith("$")) {
      throw new IllegalArgumentException("a name kept from users starts with '$', was " + name);
    }
    return guardian.createTopLevel(props, name, true);
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

  @Override
  public String toString() {
    return "ActorSystem[" + name() + "]";
  }
}
