package actors.impl;

import actors.Actor;
import actors.ActorContext;
import actors.ActorInfo;
import actors.ActorInitializationException;
import actors.ActorKilledException;
import actors.ActorRef;
import actors.ActorSystem;
import actors.DeathPactException;
import actors.Directive;
import actors.Kill;
import actors.PoisonPill;
import actors.Props;
import actors.Receive;
import actors.ReceiveTimeout;
import actors.StashOverflowException;
import actors.SupervisorStrategy;
import actors.Terminated;
import actors.TimerScheduler;
import actors.dispatch.MailboxOptions;
import actors.event.ActorFailed;
import actors.event.ActorRestarted;
import actors.event.ActorStarted;
import actors.event.ActorStopped;
import actors.impl.SystemMessage.Create;
import actors.impl.SystemMessage.DeathWatchNotification;
import actors.impl.SystemMessage.Failed;
import actors.impl.SystemMessage.Inspect;
import actors.impl.SystemMessage.Recreate;
import actors.impl.SystemMessage.Resume;
import actors.impl.SystemMessage.Suspend;
import actors.impl.SystemMessage.Terminate;
import actors.impl.SystemMessage.Unwatch;
import actors.impl.SystemMessage.Watch;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime of one actor: its current instance, behaviour, children, death watch and fault
 * state, and the code that processes its user and system messages. The cell outlives
 * restarts; only the instance is replaced.
 *
 * <p>Everything here runs on the actor's Vert.x context, one message at a time, except what
 * says otherwise: {@link #sendMessage}, {@link #sendSystem}, {@link #terminationFuture} and
 * creation, which any thread may call.
 */
public final class ActorCell implements ActorContext {

  private static final System.Logger LOG = System.getLogger("actors");
  private static final ThreadLocal<ActorCell> UNDER_CONSTRUCTION = new ThreadLocal<>();
  private static final java.lang.invoke.VarHandle CHILDREN;

  static {
    try {
      CHILDREN = java.lang.invoke.MethodHandles.lookup().findVarHandle(ActorCell.class, "children", Children.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final ActorSystemImpl system;
  final ActorCell parent;
  final String name;
  final Props props;
  final ContextInternal context;
  final LocalActorRef self;
  final Mailbox mailbox;
  // Created with the first child, or when the actor stops: most actors have none.
  private volatile Children children;
  // Among the parent's children; set under the parent's Children monitor when registered.
  int creationOrder;
  // Set by a router's actor when it is created; its messages are then routed on the sender's thread.
  private volatile Routing routing;

  private Actor actor;
  private ActorRef currentSender;
  private Object currentMessage;
  // Set by the Actor constructor while the factory runs (any thread; read by the same one).
  private Actor pendingInstance;
  // What most actors never need, created on first use; actor thread only.
  private RareState rare;
  private boolean terminating;
  // Written on the actor's thread under the monitor; read anywhere.
  private volatile boolean terminated;
  private Promise<Void> terminationPromise;

  private ActorCell(ActorSystemImpl system, ActorCell parent, Props props, String name, CellDispatcher dispatcher) {
    this.system = system;
    this.parent = parent;
    this.props = props;
    this.name = name;
    this.context = dispatcher.contextFor(parent, name);
    this.self = new LocalActorRef(this);
    MailboxOptions mailboxOptions = props.mailbox();
    this.mailbox = new Mailbox(this, dispatcher.executor(context), dispatcher.throughput(system.throughput),
        dispatcher.spinNanos(context, system.spinNanos), mailboxOptions != null ? mailboxOptions : system.defaultMailbox);
  }

  /** Creates, registers and starts a child of {@code parent}; any thread. */
  static ActorCell create(ActorSystemImpl system, ActorCell parent, Props props, String name) {
    Objects.requireNonNull(props, "props");
    return create(system, parent, props, name, system.dispatcher(props.dispatcher()), null);
  }

  /**
   * Creates, registers and starts a child of {@code parent} on {@code dispatcher}; any thread.
   *
   * @param started completed once {@code preStart} has run, failed with what it threw; may be null
   */
  static ActorCell create(ActorSystemImpl system, ActorCell parent, Props props, String name,
                          CellDispatcher dispatcher, Promise<Void> started) {
    Children siblings = parent.childTable();
    String childName = name == null ? siblings.generateName() : Names.validate(name);
    siblings.reserve(childName, parent);
    ActorCell cell;
    try {
      cell = new ActorCell(system, parent, props, childName, dispatcher);
      cell.actor = cell.newInstance();
      siblings.register(cell);
    } catch (RuntimeException | Error e) {
      siblings.unreserve(childName);
      throw e;
    }
    cell.sendSystem(new Create(started));
    return cell;
  }

  /** Creates and starts the {@code /user} guardian, the only cell without a parent. */
  static ActorCell createGuardian(ActorSystemImpl system, Props props, CellDispatcher dispatcher) {
    ActorCell cell = new ActorCell(system, null, props, "user", dispatcher);
    cell.actor = cell.newInstance();
    cell.sendSystem(new Create(null));
    return cell;
  }

  /**
   * Called by the {@link Actor} constructor: binds the new instance to the cell whose factory
   * is running on this thread.
   *
   * @throws IllegalStateException when no factory of the system is running
   */
  public static ActorCell bindNewInstance(Actor instance) {
    ActorCell cell = UNDER_CONSTRUCTION.get();
    if (cell == null) {
      throw new IllegalStateException("actor " + instance.getClass().getName()
          + " was created with new; actors are created by actorOf(Props), which calls the Props factory");
    }
    if (cell.pendingInstance != null) {
      throw new IllegalStateException("the Props factory of " + cell.path()
          + " created more than one actor instance; create children with context().actorOf");
    }
    cell.pendingInstance = instance;
    return cell;
  }

  /** Calls an actor's protected {@code receive}: how this package reaches it. */
  @FunctionalInterface
  public interface ReceiveAccess {
    void receive(Actor actor, Object message) throws Exception;
  }

  // Set by Actor's static initializer, so before any actor instance exists.
  private static ReceiveAccess receiveAccess;

  /** Called once, by {@link Actor}'s static initializer; later calls change nothing. */
  public static synchronized void installReceiveAccess(ReceiveAccess access) {
    if (receiveAccess == null) {
      receiveAccess = access;
    }
  }

  private Actor newInstance() {
    ActorCell outer = UNDER_CONSTRUCTION.get();
    UNDER_CONSTRUCTION.set(this);
    try {
      Actor instance = props.factory().get();
      if (instance == null) {
        throw new ActorInitializationException(path(), "the Props factory of " + describe() + " returned null", null);
      }
      if (instance != pendingInstance) {
        throw new ActorInitializationException(path(), "the Props factory of " + describe()
            + " returned an instance it did not create; it must return a new instance on every call", null);
      }
      return instance;
    } catch (ActorInitializationException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new ActorInitializationException(path(), "the Props factory of " + describe() + " threw " + e, e);
    } finally {
      pendingInstance = null;
      if (outer == null) {
        UNDER_CONSTRUCTION.remove();
      } else {
        UNDER_CONSTRUCTION.set(outer);
      }
    }
  }

  private String describe() {
    Class<?> actorClass = props.actorClass();
    return (actorClass != null ? "actor class " + actorClass.getName() : "the actor") + " at " + path();
  }

  // ---------------------------------------------------------------- sending (any thread)

  void sendMessage(Object message, ActorRef sender) {
    Routing router = routing;
    if (mailbox.isClosed()) {
      system.deadLetterOffice.publish(message, sender, self);
    } else if (router != null && !Routing.isForTheRouter(message)) {
      router.route(message, sender);
    } else {
      mailbox.enqueue(message, sender);
    }
  }

  void sendSystem(SystemMessage message) {
    mailbox.enqueueSystem(message);
  }

  boolean isTerminated() {
    return terminated;
  }

  /** Completes once this actor has stopped and its {@code postStop} has run; any thread. */
  Future<Void> terminationFuture() {
    synchronized (this) {
      if (terminated) {
        return Future.succeededFuture();
      }
      if (terminationPromise == null) {
        terminationPromise = Promise.promise();
      }
      return terminationPromise.future();
    }
  }

  // ---------------------------------------------------------------- user messages

  void invoke(Object message, ActorRef sender) {
    if (message instanceof ActorTimers.Tick tick) {
      message = rare == null || rare.timers == null ? null : rare.timers.messageFor(tick);
      if (message == null) {
        return; // its timer was cancelled or replaced after it fired
      }
    } else if (message == ReceiveTimeout.INSTANCE
        && (rare == null || rare.receiveTimeout == null || !rare.receiveTimeout.isOn())) {
      return; // turned off after it was sent
    }
    if (rare != null && rare.receiveTimeout != null) {
      rare.receiveTimeout.messageReceived();
    }
    currentSender = sender;
    currentMessage = message;
    try {
      if (message == PoisonPill.INSTANCE) {
        sendSystem(new Terminate());
      } else if (message == Kill.INSTANCE) {
        throw new ActorKilledException("Kill message received by " + path());
      } else if (message instanceof Terminated terminatedMessage) {
        // Only a Terminated this actor queued for a watch it still holds; see unwatch.
        if (rare != null && rare.deathWatch != null && rare.deathWatch.takeTerminated(terminatedMessage.actor())) {
          receiveNow(message);
        }
      } else {
        receiveNow(message);
      }
    } catch (Throwable t) {
      handleInvokeFailure(t, message);
    } finally {
      currentSender = null;
      currentMessage = null;
    }
  }

  // ---------------------------------------------------------------- stash

  /** Backs {@link actors.Stash#stash()}. */
  public void stash(int capacity) {
    if (currentMessage == null) {
      throw new IllegalStateException("stash() of " + path() + " must be called while it processes a message");
    }
    if (rare().stashed == null) {
      rare().stashed = new ArrayDeque<>();
    }
    if (rare().stashed.size() >= capacity) {
      throw new StashOverflowException("the stash of " + path() + " is full: " + capacity + " messages");
    }
    rare().stashed.addLast(new Envelope(currentMessage, currentSender));
  }

  /** Backs {@link actors.Stash#unstash()} and {@link actors.Stash#unstashAll()}. */
  public void unstash(boolean all) {
    if (currentMessage == null && ContextInternal.current() != context) {
      throw new IllegalStateException((all ? "unstashAll()" : "unstash()") + " of " + path()
          + " must be called from the actor's own code, on its context");
    }
    returnStashToMailbox(all);
  }

  private void returnStashToMailbox(boolean all) {
    if (rare == null || rare.stashed == null || rare.stashed.isEmpty()) {
      return;
    }
    if (all) {
      mailbox.returnToFront(List.copyOf(rare().stashed));
      rare().stashed.clear();
    } else {
      mailbox.returnToFront(List.of(rare().stashed.pollFirst()));
    }
  }

  private void receiveNow(Object message) throws Exception {
    RareState state = rare;
    if (state == null || state.behaviours == null || state.behaviours.isEmpty()) {
      receiveAccess.receive(actor, message);
    } else {
      state.behaviours.peek().apply(message);
    }
  }

  /** The routing of this router cell, if it is one. */
  Routing routing() {
    return routing;
  }

  /** Makes this cell a router's: from now on its messages are routed on the sender's thread. */
  Routing installRouting(RouterConfig.Kind kind) {
    Routing installed = new Routing(system, self, kind);
    routing = installed;
    return installed;
  }

  /** Backs {@link Actor#unhandled(Object)}. */
  public void unhandled(Object message) {
    if (message instanceof Terminated terminatedMessage) {
      throw new DeathPactException("watched actor " + terminatedMessage.actor().path()
          + " terminated and " + path() + " did not handle the Terminated message");
    }
    system.logUnhandled(message, currentSender, self);
  }

  // ---------------------------------------------------------------- system messages

  void systemInvoke(SystemMessage message) {
    try {
      if (terminated) {
        // A watch that arrives after the end is answered at once.
        if (message instanceof Watch watch) {
          watch.watcher.sendSystem(new DeathWatchNotification(this));
        } else if (message instanceof Inspect inspect) {
          inspect.answer.complete(new ActorInfo(path(), ActorInfo.State.STOPPED, 0, restartCount()));
        }
      } else if (message instanceof Inspect inspect) {
        ActorInfo.State state = terminating ? ActorInfo.State.STOPPING
            : isFailed() || mailbox.isSuspended() ? ActorInfo.State.SUSPENDED : ActorInfo.State.RUNNING;
        inspect.answer.complete(new ActorInfo(path(), state, mailbox.size(), restartCount()));
      } else if (message instanceof Create create) {
        create(create.started);
      } else if (message instanceof DeathWatchNotification notification) {
        watchedActorTerminated(notification.actor);
      } else if (message instanceof SystemMessage.RemoteTerminated notification) {
        if (!terminating && rare != null && rare.deathWatch != null && rare.deathWatch.watcheeTerminated(notification.actor)) {
          sendMessage(new Terminated(notification.actor), notification.actor);
        }
      } else if (message instanceof Failed failed) {
        handleChildFailure(failed.child, failed.cause);
      } else if (message instanceof Terminate) {
        terminate();
      } else if (message instanceof Watch watch) {
        deathWatch().addWatcher(watch.watcher);
      } else if (message instanceof Unwatch unwatch) {
        deathWatch().removeWatcher(unwatch.watcher);
      } else if (message instanceof Suspend) {
        faultSuspend();
      } else if (message instanceof Resume resume) {
        faultResume(resume.causedByFailure);
      } else if (message instanceof Recreate recreate) {
        faultRecreate(recreate.cause);
      }
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] " + path() + ": processing "
          + message.getClass().getSimpleName() + " failed", t);
    }
  }

  private void create(Promise<Void> started) {
    if (terminating) {
      if (started != null) {
        started.fail(new IllegalStateException(path() + " was stopped before it started"));
      }
      return;
    }
    try {
      actor.preStart();
    } catch (Throwable t) {
      if (started != null) {
        started.fail(t);
      }
      handleInvokeFailure(new ActorInitializationException(path(), "preStart of " + path() + " threw " + t, t), null);
      return;
    }
    if (started != null) {
      started.complete();
    }
    if (system.eventStream.hasSubscribers(ActorStarted.class)) {
      system.eventStream.publish(new ActorStarted(self));
    }
  }

  // ---------------------------------------------------------------- fault handling

  private void handleInvokeFailure(Throwable cause, Object message) {
    if (terminating) {
      LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] " + path() + " failed while stopping", cause);
      return;
    }
    if (isFailed()) {
      LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] " + path()
          + " failed again while waiting for its supervisor", cause);
      return;
    }
    mailbox.suspend();
    for (ActorCell child : childCells()) {
      child.sendSystem(new Suspend());
    }
    reportFailure(cause, message);
  }

  /** Records the failure and tells the supervisor; the mailbox is already suspended. */
  private void reportFailure(Throwable cause, Object message) {
    rare().failure = cause;
    rare().failedMessage = message;
    system.failing.put(this, cause);
    if (parent != null) {
      parent.sendSystem(new Failed(this, cause));
    } else {
      system.guardianFailed(cause);
    }
  }

  private void handleChildFailure(ActorCell child, Throwable cause) {
    if (terminating || childCell(child.name) != child) {
      return; // it is being stopped anyway
    }
    SupervisorStrategy strategy = supervisorStrategy();
    Directive directive = strategy.decide(cause);
    Duration delay = Duration.ZERO;
    boolean limitReached = false;
    if (directive == Directive.RESTART) {
      delay = restartStats(strategy, child).requestRestart(strategy);
      if (delay == null) {
        delay = Duration.ZERO;
        directive = Directive.STOP;
        limitReached = true;
      }
    }
    if (strategy.loggingEnabled()) {
      system.logFailure(child, cause, directive, limitReached, delay);
    }
    if (system.eventStream.hasSubscribers(ActorFailed.class)) {
      system.eventStream.publish(new ActorFailed(child.self, cause, directive));
    }
    switch (directive) {
      case RESUME -> child.sendSystem(new Resume(cause));
      case RESTART -> restartChildren(strategy.scope().select(childCells(), child), child, cause, delay);
      case STOP -> strategy.scope().select(childCells(), child).forEach(this::stopChild);
      case ESCALATE -> handleInvokeFailure(cause, null);
    }
  }

  private RestartStats restartStats(SupervisorStrategy strategy, ActorCell child) {
    if (rare().childRestartStats == null) {
      rare().childRestartStats = new HashMap<>();
    }
    // One-for-one counts per child (Pekko); the group strategies per supervisor (OTP).
    return rare().childRestartStats.computeIfAbsent(strategy.scope() == SupervisorStrategy.Scope.ONE_FOR_ONE ? child : this,
        key -> new RestartStats());
  }

  private void restartChildren(List<ActorCell> affected, ActorCell failed, Throwable cause, Duration delay) {
    for (ActorCell sibling : affected) {
      if (sibling != failed) {
        // Siblings are healthy: held like the failed child until they restart together.
        sibling.sendSystem(new Suspend());
      }
    }
    if (delay.isZero()) {
      for (ActorCell child : affected) {
        child.sendSystem(new Recreate(cause));
      }
      return;
    }
    // Back-off: a timer on this actor's context. If this actor stops first, its children are
    // stopped and the late Recreate finds them terminating, which ignores it.
    if (rare().backoffTimers == null) {
      rare().backoffTimers = new HashSet<>();
    }
    long timer = context.setTimer(Math.max(1, delay.toMillis()), id -> {
      if (rare().backoffTimers != null) {
        rare().backoffTimers.remove(id);
      }
      for (ActorCell child : affected) {
        child.sendSystem(new Recreate(cause));
      }
    });
    rare().backoffTimers.add(timer);
  }

  private SupervisorStrategy supervisorStrategy() {
    if (actor == null) {
      return SupervisorStrategy.defaultStrategy();
    }
    try {
      SupervisorStrategy strategy = actor.supervisorStrategy();
      return strategy != null ? strategy : SupervisorStrategy.defaultStrategy();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] supervisorStrategy() of " + path() + " threw", e);
      return SupervisorStrategy.defaultStrategy();
    }
  }

  private void faultSuspend() {
    mailbox.suspend();
    for (ActorCell child : childCells()) {
      child.sendSystem(new Suspend());
    }
  }

  private void faultResume(Throwable causedByFailure) {
    if (terminating) {
      return;
    }
    if (causedByFailure != null) {
      clearFailure();
    }
    mailbox.resume();
    for (ActorCell child : childCells()) {
      child.sendSystem(new Resume(null));
    }
  }

  private void faultRecreate(Throwable cause) {
    if (terminating) {
      return;
    }
    cancelTimers();
    if (actor != null) {
      try {
        actor.preRestart(cause, rare().failedMessage);
      } catch (Throwable t) {
        LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] preRestart of " + path() + " threw; restarting anyway", t);
      }
    }
    actor = null;
    rare().behaviours = null;
    // The new instance sees what the old one stashed first, as Pekko does.
    returnStashToMailbox(true);
    if (rare().stoppingChildren != null && !rare().stoppingChildren.isEmpty()) {
      // The new instance may reuse the names of the children preRestart stopped.
      rare().recreateCause = cause;
    } else {
      finishRecreate(cause);
    }
  }

  private void finishRecreate(Throwable cause) {
    rare().recreateCause = null;
    // Children that preRestart kept were suspended with this actor: they restart with it.
    // Taken before the new instance runs, which may create children of its own.
    List<ActorCell> survivors = childCells();
    try {
      actor = newInstance();
      actor.postRestart(cause);
    } catch (ActorInitializationException e) {
      reportFailure(e, null);
      return;
    } catch (Throwable t) {
      reportFailure(new ActorInitializationException(path(), "postRestart of " + path() + " threw " + t, t), null);
      return;
    }
    clearFailure();
    rare().restartCount++;
    if (system.eventStream.hasSubscribers(ActorRestarted.class)) {
      system.eventStream.publish(new ActorRestarted(self, cause));
    }
    mailbox.resume();
    for (ActorCell child : survivors) {
      if (rare().stoppingChildren == null || !rare().stoppingChildren.contains(child)) {
        child.sendSystem(new Recreate(cause));
      }
    }
  }

  private void clearFailure() {
    if (isFailed()) {
      rare.failure = null;
      system.failing.remove(this);
    }
    if (rare != null) {
      rare.failedMessage = null;
    }
  }

  private boolean isFailed() {
    return rare != null && rare.failure != null;
  }

  private int restartCount() {
    return rare == null ? 0 : rare.restartCount;
  }

  // ---------------------------------------------------------------- termination

  private void stopChild(ActorCell child) {
    if (rare().stoppingChildren == null) {
      rare().stoppingChildren = new HashSet<>();
    }
    if (rare().stoppingChildren.add(child)) {
      child.sendSystem(new Terminate());
    }
  }

  private void terminate() {
    if (terminating) {
      return;
    }
    terminating = true;
    mailbox.suspend();
    cancelTimers();
    if (rare != null && rare.backoffTimers != null) {
      for (long timer : rare.backoffTimers) {
        system.vertx().cancelTimer(timer);
      }
      rare.backoffTimers = null;
    }
    if (rare != null && rare.deathWatch != null) {
      for (ActorCell watchee : rare.deathWatch.watching()) {
        watchee.sendSystem(new Unwatch(this));
      }
      rare.deathWatch.watching().clear();
      for (RemoteActorRef watchee : rare.deathWatch.takeWatchingRemote()) {
        watchee.transport.unwatch(this, watchee);
      }
    }
    List<ActorCell> living = childTable().close();
    for (ActorCell child : living) {
      stopChild(child);
    }
    if (living.isEmpty()) {
      finishTerminate();
    }
  }

  private void cancelTimers() {
    if (rare == null) {
      return;
    }
    if (rare.timers != null) {
      rare.timers.cancelAll();
    }
    if (rare.receiveTimeout != null) {
      rare.receiveTimeout.cancel();
    }
  }

  private void watchedActorTerminated(ActorCell dead) {
    if (dead.parent == this) {
      childTable().remove(dead);
      if (rare != null && rare.stoppingChildren != null) {
        rare.stoppingChildren.remove(dead);
      }
      if (rare != null && rare.childRestartStats != null) {
        rare.childRestartStats.remove(dead);
      }
    }
    if (!terminating && rare != null && rare.deathWatch != null && rare.deathWatch.watcheeTerminated(dead)) {
      sendMessage(new Terminated(dead.self), dead.self);
    }
    if (terminating) {
      if (childTable().isEmpty()) {
        finishTerminate();
      }
    } else if (rare != null && rare.recreateCause != null && rare.stoppingChildren.isEmpty()) {
      finishRecreate(rare.recreateCause);
    }
  }

  private void finishTerminate() {
    Actor instance = actor;
    try {
      if (instance != null) {
        instance.postStop();
      }
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "[" + system.name() + "] postStop of " + path() + " threw", t);
    } finally {
      actor = null;
      if (rare != null) {
        rare.behaviours = null;
      }
      clearFailure();
      // Closed, the mailbox drains whatever it holds, stashed messages included, to dead letters.
      returnStashToMailbox(true);
      mailbox.close();
      Promise<Void> promise;
      synchronized (this) {
        terminated = true;
        promise = terminationPromise;
      }
      if (rare != null && rare.deathWatch != null) {
        for (ActorCell watcher : rare.deathWatch.watchers()) {
          watcher.sendSystem(new DeathWatchNotification(this));
        }
        rare.deathWatch = null;
      }
      if (parent != null) {
        // Free the name now, not when the parent gets to the notification: whoever waits for
        // this stop may reuse the name at once.
        parent.childTable().remove(this);
        parent.sendSystem(new DeathWatchNotification(this));
      }
      if (promise != null) {
        promise.complete();
      }
      if (system.eventStream.hasSubscribers(ActorStopped.class)) {
        system.eventStream.publish(new ActorStopped(self));
      }
    }
  }

  // ---------------------------------------------------------------- ActorContext

  @Override
  public ActorRef self() {
    return self;
  }

  @Override
  public ActorRef sender() {
    ActorRef sender = currentSender;
    return sender != null ? sender : system.deadLetters();
  }

  @Override
  public ActorRef parent() {
    return parent != null ? parent.self : self;
  }

  @Override
  public ActorSystem system() {
    return system;
  }

  @Override
  public Vertx vertx() {
    return system.vertx();
  }

  @Override
  public Context vertxContext() {
    return context;
  }

  @Override
  public ActorRef actorOf(Props props) {
    return createChild(props, null);
  }

  @Override
  public ActorRef actorOf(Props props, String name) {
    return createChild(props, Objects.requireNonNull(name, "name"));
  }

  private ActorRef createChild(Props props, String name) {
    if (terminating) {
      throw new IllegalStateException(path() + " is stopping and cannot create children");
    }
    return create(system, this, props, name).self;
  }

  @Override
  public List<ActorRef> children() {
    Children current = children;
    return current == null ? List.of() : current.refs();
  }

  @Override
  public Optional<ActorRef> child(String name) {
    ActorCell child = childCell(Objects.requireNonNull(name, "name"));
    return child == null ? Optional.empty() : Optional.of(child.self);
  }

  @Override
  public void stop(ActorRef ref) {
    ActorCell target = cellOf(ref, "stop");
    if (target == this) {
      // After the current message, not in the middle of it.
      sendSystem(new Terminate());
    } else if (target.parent == this) {
      stopChild(target);
    } else {
      throw new IllegalArgumentException("context().stop stops this actor or one of its children; "
          + ref.path() + " is neither (use ActorSystem.stop)");
    }
  }

  @Override
  public ActorRef watch(ActorRef ref) {
    if (ref instanceof RemoteActorRef remote && remote.transport.system == system) {
      if (!terminating && deathWatch().startWatching(remote)) {
        remote.transport.watch(this, remote);
      }
      return ref;
    }
    ActorCell watchee = cellOf(ref, "watch");
    if (watchee != this && !terminating && deathWatch().startWatching(watchee)) {
      watchee.sendSystem(new Watch(this));
    }
    return ref;
  }

  @Override
  public ActorRef unwatch(ActorRef ref) {
    if (ref instanceof RemoteActorRef remote && remote.transport.system == system) {
      if (rare != null && rare.deathWatch != null && rare.deathWatch.stopWatching(remote)) {
        remote.transport.unwatch(this, remote);
      }
      return ref;
    }
    ActorCell watchee = cellOf(ref, "unwatch");
    if (rare != null && rare.deathWatch != null && rare.deathWatch.stopWatching(watchee)) {
      watchee.sendSystem(new Unwatch(this));
    }
    return ref;
  }

  @Override
  public void become(Receive behaviour, boolean discardOld) {
    Objects.requireNonNull(behaviour, "behaviour");
    if (rare().behaviours == null) {
      rare().behaviours = new ArrayDeque<>(4);
    }
    if (discardOld && !rare().behaviours.isEmpty()) {
      rare().behaviours.pop();
    }
    rare().behaviours.push(behaviour);
  }

  @Override
  public void unbecome() {
    if (rare != null && rare.behaviours != null && !rare.behaviours.isEmpty()) {
      rare.behaviours.pop();
    }
  }

  @Override
  public TimerScheduler timers() {
    if (rare().timers == null) {
      rare().timers = new ActorTimers(this);
    }
    return rare().timers;
  }

  @Override
  public void setReceiveTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("receive timeout must not be negative, was " + timeout);
    }
    if (rare().receiveTimeout == null) {
      if (timeout.isZero()) {
        return;
      }
      rare().receiveTimeout = new ReceiveTimeoutTimer(this);
    }
    rare().receiveTimeout.set(timeout);
  }

  @Override
  public Duration receiveTimeout() {
    return rare == null || rare.receiveTimeout == null ? Duration.ZERO : rare.receiveTimeout.timeout();
  }

  private DeathWatch deathWatch() {
    if (rare().deathWatch == null) {
      rare().deathWatch = new DeathWatch();
    }
    return rare().deathWatch;
  }

  private ActorCell cellOf(ActorRef ref, String operation) {
    return system.cellOf(ref, operation);
  }


  /** The state most actors never need, created on first use; actor thread only. */
  private RareState rare() {
    RareState state = rare;
    if (state == null) {
      state = new RareState();
      rare = state;
    }
    return state;
  }

  /** This actor's children, created on first use; any thread. */
  private Children childTable() {
    Children current = children;
    if (current == null) {
      Children created = new Children();
      current = CHILDREN.compareAndSet(this, null, created) ? created : children;
    }
    return current;
  }

  /** The registered children, in creation order: a snapshot; any thread. */
  private List<ActorCell> childCells() {
    Children current = children;
    return current == null ? List.of() : current.cells();
  }

  /** The living child of that name, or null; any thread. */
  ActorCell childCell(String name) {
    Children current = children;
    return current == null ? null : current.get(name);
  }

  /** The actor's path, e.g. {@code /user/parent/child}; any thread. */
  public String path() {
    StringBuilder path = new StringBuilder(48);
    appendPath(path);
    return path.toString();
  }

  private void appendPath(StringBuilder path) {
    if (parent != null) {
      parent.appendPath(path);
    }
    path.append('/').append(name);
  }

  @Override
  public String toString() {
    return "ActorCell[" + path() + "]";
  }
}
