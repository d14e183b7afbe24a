package actors.impl.cell;

import actors.Actor;
import actors.ActorContext;
import actors.ActorInfo;
import actors.ActorInitializationException;
import actors.ActorKilledException;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Kill;
import actors.PoisonPill;
import actors.Props;
import actors.Receive;
import actors.ReceiveTimeout;
import actors.Terminated;
import actors.TimerScheduler;
import actors.dispatch.MailboxOptions;
import actors.dispatch.impl.CellDispatcher;
import actors.dispatch.impl.SystemMessage;
import actors.event.ActorStarted;
import actors.impl.ActorSystemImpl;
import actors.impl.cell.SystemMessages.Create;
import actors.impl.cell.SystemMessages.DeathWatchNotification;
import actors.impl.cell.SystemMessages.Failed;
import actors.impl.cell.SystemMessages.Inspect;
import actors.impl.cell.SystemMessages.Recreate;
import actors.impl.cell.SystemMessages.RemoteTerminated;
import actors.impl.cell.SystemMessages.Resume;
import actors.impl.cell.SystemMessages.Suspend;
import actors.impl.cell.SystemMessages.Terminate;
import actors.impl.cell.SystemMessages.Unwatch;
import actors.impl.cell.SystemMessages.Watch;
import actors.internal.ActorAccess;
import actors.internal.CellAccess;
import actors.internal.CellRouting;
import actors.internal.RoutedCell;
import actors.internal.SharedSecrets;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runtime of one actor: its current instance, its mailbox and what it knows of its parent,
 * children and system. The cell outlives restarts; only the instance is replaced. Its concerns
 * are files of their own, as Pekko's dungeon splits them: {@link Children}, {@link FaultHandling},
 * {@link Termination}, {@link DeathWatch}, {@link Behaviours} (become and stash),
 * {@link ActorTimers} and {@link ReceiveTimeoutTimer}.
 *
 * <p>Everything here runs on the actor's Vert.x context, one message at a time, except what
 * says otherwise: {@link #sendMessage}, {@link #sendSystem}, {@link #terminationFuture} and
 * creation, which any thread may call.
 *
 * <p>Its public methods are those of {@link ActorContext} and what is as harmless as they are;
 * what only the library may do (binding an instance, stashing, processing a message) is
 * package-private, reached by {@link Actor} through {@link SharedSecrets}.
 */
public final class ActorCell implements ActorContext, RoutedCell {

  private static final ThreadLocal<ActorCell> UNDER_CONSTRUCTION = new ThreadLocal<>();
  private static final VarHandle CHILDREN;
  private static final ActorAccess ACTORS;

  static {
    try {
      CHILDREN = MethodHandles.lookup().findVarHandle(ActorCell.class, "children", Children.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    // Installed before the actor's accessor is fetched: fetching it initializes Actor, which
    // needs nothing of this class to do so.
    SharedSecrets.setCellAccess(MethodHandles.lookup(), new Access());
    ACTORS = SharedSecrets.actorAccess(MethodHandles.lookup());
  }

  final ActorSystemImpl system;
  final ActorCell parent;
  final String name;
  final Props props;
  final ContextInternal context;
  final LocalActorRef self;
  final CellMailbox mailbox;
  // Created with the first child, or when the actor stops: most actors have none.
  private volatile Children children;
  // Among the parent's children; set under the parent's Children monitor when registered.
  int creationOrder;
  // A router's only. Set while its first instance is constructed, before the reference is
  // returned by actorOf: whoever has the reference sees it. Final in all but name.
  private CellRouting routing;

  Actor actor;
  ActorRef currentSender;
  Object currentMessage;
  // Set by the Actor constructor while the factory runs (any thread; read by the same one).
  private Actor pendingInstance;
  // What most actors never need, created on first use; actor thread only.
  RareState rare;
  boolean terminating;
  // Written on the actor's thread under the monitor; read anywhere.
  volatile boolean terminated;
  Promise<Void> terminationPromise;

  private ActorCell(ActorSystemImpl system, ActorCell parent, Props props, String name, CellDispatcher dispatcher) {
    this.system = system;
    this.parent = parent;
    this.props = props;
    this.name = name;
    this.context = dispatcher.contextFor(parent == null ? "/" + name : parent.path() + "/" + name);
    this.self = new LocalActorRef(this);
    MailboxOptions mailboxOptions = props.mailbox();
    this.mailbox = new CellMailbox(this, dispatcher.executor(context), dispatcher.throughput(system.throughput()),
        dispatcher.idleSpin(context, system.idleSpinNanos()),
        mailboxOptions != null ? mailboxOptions : system.defaultMailbox());
  }

  /** Creates, registers and starts a child of this actor from {@code props}; any thread. */
  ActorCell createChild(Props props, String name) {
    Objects.requireNonNull(props, "props");
    return createChild(props, name, system.dispatchers().get(props.dispatcher()), null);
  }

  /**
   * Creates, registers and starts a child on {@code dispatcher}; any thread.
   *
   * @param started completed once {@code preStart} has run, failed with what it threw; may be null
   */
  ActorCell createChild(Props props, String name, CellDispatcher dispatcher, Promise<Void> started) {
    Children siblings = childTable();
    String childName = name == null ? siblings.generateName() : Names.validate(name);
    siblings.reserve(childName, this);
    ActorCell cell;
    try {
      cell = new ActorCell(system, this, props, childName, dispatcher);
      cell.actor = cell.newInstance();
      siblings.register(cell);
    } catch (RuntimeException | Error e) {
      siblings.unreserve(childName);
      throw e;
    }
    cell.sendSystem(new Create(started));
    return cell;
  }

  /**
   * Creates and starts the {@code /user} guardian, the only cell without a parent.
   *
   * @param escalation what the system does when a failure escalates past the guardian
   */
  public static ActorCell createGuardian(ActorSystemImpl system, Props props, CellDispatcher dispatcher,
                                         Consumer<Throwable> escalation) {
    ActorCell cell = new ActorCell(system, null, props, "user", dispatcher);
    cell.rare().escalation = escalation;
    cell.actor = cell.newInstance();
    cell.sendSystem(new Create(null));
    return cell;
  }

  /**
   * Starts a top-level actor, a child of this guardian, on {@code dispatcher}; any thread.
   *
   * @param started completed once its {@code preStart} has run, failed with what that threw
   */
  public ActorRef startChild(Props props, String name, CellDispatcher dispatcher, Promise<Void> started) {
    return createChild(props, name, dispatcher, started).self;
  }

  /** Creates a top-level actor, a child of this guardian; any thread. */
  public ActorRef createTopLevel(Props props, String name) {
    return createChild(props, name).self;
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

  /** A new instance for a restart; the caller reports what it throws. */
  Actor recreateInstance() {
    return newInstance();
  }

  private String describe() {
    Class<?> actorClass = props.actorClass();
    return (actorClass != null ? "actor class " + actorClass.getName() : "the actor") + " at " + path();
  }

  // ---------------------------------------------------------------- sending (any thread)

  void sendMessage(Object message, ActorRef sender) {
    CellRouting router = routing;
    if (mailbox.isClosed()) {
      system.deadLetterOffice().publish(message, sender, self);
    } else if (router != null && !router.isForTheRouter(message)) {
      router.route(message, sender);
    } else {
      mailbox.enqueue(message, sender);
    }
  }

  /** What the actor sends itself (timer ticks, receive timeouts): never routed. */
  void sendToSelf(Object message) {
    mailbox.enqueue(message, null);
  }

  void sendSystem(SystemMessage message) {
    mailbox.enqueueSystem(message);
  }

  /** Whether the actor has stopped; any thread. */
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
        if (DeathWatch.takeTerminated(this, terminatedMessage.actor())) {
          receiveNow(message);
        }
      } else {
        receiveNow(message);
      }
    } catch (Throwable t) {
      FaultHandling.handleInvokeFailure(this, t, message);
    } finally {
      currentSender = null;
      currentMessage = null;
    }
  }

  private void receiveNow(Object message) throws Exception {
    Receive behaviour = Behaviours.current(this);
    if (behaviour == null) {
      ACTORS.receive(actor, message);
    } else {
      behaviour.apply(message);
    }
  }

  /** Backs {@link Actor#unhandled(Object)}. */
  void unhandled(Object message) {
    if (message instanceof Terminated terminatedMessage) {
      throw new actors.DeathPactException("watched actor " + terminatedMessage.actor().path()
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
          inspect.answer.complete(new ActorInfo(path(), ActorInfo.State.STOPPED, 0, FaultHandling.restartCount(this)));
        }
      } else if (message instanceof Inspect inspect) {
        ActorInfo.State state = terminating ? ActorInfo.State.STOPPING
            : FaultHandling.isFailed(this) || mailbox.isSuspended() ? ActorInfo.State.SUSPENDED : ActorInfo.State.RUNNING;
        inspect.answer.complete(new ActorInfo(path(), state, mailbox.size(), FaultHandling.restartCount(this)));
      } else if (message instanceof Create create) {
        create(create.started);
      } else if (message instanceof DeathWatchNotification notification) {
        Termination.watchedActorTerminated(this, notification.actor);
      } else if (message instanceof RemoteTerminated notification) {
        DeathWatch.remoteWatcheeTerminated(this, notification.actor);
      } else if (message instanceof Failed failed) {
        FaultHandling.handleChildFailure(this, failed.child, failed.cause);
      } else if (message instanceof Terminate) {
        Termination.terminate(this);
      } else if (message instanceof Watch watch) {
        DeathWatch.addWatcher(this, watch.watcher);
      } else if (message instanceof Unwatch unwatch) {
        DeathWatch.removeWatcher(this, unwatch.watcher);
      } else if (message instanceof Suspend) {
        FaultHandling.suspend(this);
      } else if (message instanceof Resume resume) {
        FaultHandling.resume(this, resume.causedByFailure);
      } else if (message instanceof Recreate recreate) {
        FaultHandling.recreate(this, recreate.cause);
      }
    } catch (Throwable t) {
      System.getLogger("actors").log(System.Logger.Level.ERROR, "[" + system.name() + "] " + path() + ": processing "
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
      FaultHandling.handleInvokeFailure(this,
          new ActorInitializationException(path(), "preStart of " + path() + " threw " + t, t), null);
      return;
    }
    if (started != null) {
      started.complete();
    }
    if (system.events().hasSubscribers(ActorStarted.class)) {
      system.events().publish(new ActorStarted(self));
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
    return actorOfChecked(props, null);
  }

  @Override
  public ActorRef actorOf(Props props, String name) {
    return actorOfChecked(props, Objects.requireNonNull(name, "name"));
  }

  private ActorRef actorOfChecked(Props props, String name) {
    if (terminating) {
      throw new IllegalStateException(path() + " is stopping and cannot create children");
    }
    return createChild(props, name).self;
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
      Termination.stopChild(this, target);
    } else {
      throw new IllegalArgumentException("context().stop stops this actor or one of its children; "
          + ref.path() + " is neither (use ActorSystem.stop)");
    }
  }

  @Override
  public ActorRef watch(ActorRef ref) {
    DeathWatch.watch(this, ref);
    return ref;
  }

  @Override
  public ActorRef unwatch(ActorRef ref) {
    DeathWatch.unwatch(this, ref);
    return ref;
  }

  @Override
  public void become(Receive behaviour, boolean discardOld) {
    Behaviours.become(this, behaviour, discardOld);
  }

  @Override
  public void unbecome() {
    Behaviours.unbecome(this);
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

  // ---------------------------------------------------------------- RoutedCell

  @Override
  public CellRouting routing() {
    return routing;
  }

  @Override
  public void installRouting(CellRouting routing) {
    if (UNDER_CONSTRUCTION.get() != this || actor != null || this.routing != null) {
      throw new IllegalStateException("the routing of " + path() + " is installed by its first instance's constructor");
    }
    this.routing = Objects.requireNonNull(routing, "routing");
  }

  // ---------------------------------------------------------------- shared by the concerns

  /** The cell of {@code ref}, an actor of this system; otherwise an exception naming {@code operation}. */
  ActorCell cellOf(ActorRef ref, String operation) {
    Objects.requireNonNull(ref, "ref");
    if (ref instanceof LocalActorRef local && local.cell.system == system) {
      return local.cell;
    }
    throw new IllegalArgumentException("cannot " + operation + " " + ref + ": not an actor of system " + system.name());
  }

  /** The state most actors never need, created on first use; actor thread only. */
  RareState rare() {
    RareState state = rare;
    if (state == null) {
      state = new RareState();
      rare = state;
    }
    return state;
  }

  /** This actor's children, created on first use; any thread. */
  Children childTable() {
    Children current = children;
    if (current == null) {
      Children created = new Children();
      current = CHILDREN.compareAndSet(this, null, created) ? created : children;
    }
    return current;
  }

  /** The registered children, in creation order: a snapshot; any thread. */
  List<ActorCell> childCells() {
    Children current = children;
    return current == null ? List.of() : current.cells();
  }

  /** The living child of that name, or null; any thread. */
  ActorCell childCell(String name) {
    Children current = children;
    return current == null ? null : current.get(name);
  }

  /**
   * The living descendant at {@code path} below this actor ({@code a/b}), or null; any thread.
   */
  public ActorRef descendant(String path) {
    ActorCell cell = this;
    int start = 0;
    while (cell != null && start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      cell = cell.childCell(path.substring(start, end));
      start = end + 1;
    }
    return cell != null && !cell.terminated ? cell.self : null;
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

  /** What {@link Actor} and {@code Stash} reach through {@link SharedSecrets}. */
  private static final class Access implements CellAccess {

    @Override
    public ActorContext bindNewInstance(Actor instance) {
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

    @Override
    public void unhandled(ActorContext cell, Object message) {
      ((ActorCell) cell).unhandled(message);
    }

    @Override
    public void stash(ActorContext cell, int capacity) {
      Behaviours.stash((ActorCell) cell, capacity);
    }

    @Override
    public void unstash(ActorContext cell, boolean all) {
      Behaviours.unstash((ActorCell) cell, all);
    }
  }
}
