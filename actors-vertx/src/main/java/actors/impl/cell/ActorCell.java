package actors.impl.cell;

import actors.Actor;
import actors.ActorContext;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorKilledException;
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
import actors.impl.ActorSystemImpl;
import actors.impl.cell.SystemMessages.ContinueStopping;
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
import actors.internal.CellRouting;
import actors.internal.RoutedCell;
import actors.internal.SharedSecrets;
import actors.internal.StopWhenDone;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  private static final VarHandle CHILDREN;
  // How the cell calls an actor's protected receive; see Behaviours.
  static final ActorAccess ACTORS;

  static {
    try {
      CHILDREN = MethodHandles.lookup().findVarHandle(ActorCell.class, "children", Children.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    // Installed before the actor's accessor is fetched: fetching it initializes Actor, which
    // needs nothing of this class to do so.
    SharedSecrets.setCellAccess(MethodHandles.lookup(), new Creation.Access());
    ACTORS = SharedSecrets.actorAccess(MethodHandles.lookup());
  }

  final ActorSystemImpl system;
  final ActorCell parent;
  // A generated name ($a, $b, ...) is kept as its number and made a String only when asked for:
  // a million generated names would cost 48 MB as Strings. Null when generatedName >= 0.
  final String givenName;
  final int generatedName;
  final Props props;
  final ContextInternal context;
  final LocalActorRef self;
  final CellMailbox mailbox;
  // Created with the first child, or when the actor stops: most actors have none.
  volatile Children children;
  // Among the parent's children; set under the parent's Children monitor when registered.
  int creationOrder;
  // A router's only. Set while its first instance is constructed, before the reference is
  // returned by actorOf: whoever has the reference sees it. Final in all but name.
  private CellRouting routing;

  Actor actor;
  ActorRef currentSender;
  Object currentMessage;
  // What most actors never need, created on first use; actor thread only.
  RareState rare;
  boolean terminating;
  // Written on the actor's thread under the monitor; read anywhere.
  volatile boolean terminated;
  Promise<Void> terminationPromise;

  ActorCell(ActorSystemImpl system, ActorCell parent, Props props, String name, CellDispatcher dispatcher) {
    this.system = system;
    this.parent = parent;
    this.props = props;
    this.generatedName = Names.generatedNumber(name);
    this.givenName = generatedName >= 0 ? null : name;
    this.context = dispatcher.contextFor(parent == null ? null : parent.self, name);
    this.self = new LocalActorRef(this);
    MailboxOptions mailboxOptions = props.mailbox();
    this.mailbox = new CellMailbox(this, dispatcher.drainPolicy(context, system.throughput(), system.idleSpinNanos()),
        mailboxOptions != null ? mailboxOptions : system.defaultMailbox());
  }

  /** Creates, registers and starts a child of this actor from {@code props}; any thread. */
  ActorCell createChild(Props props, String name) {
    Objects.requireNonNull(props, "props");
    return Creation.createChild(this, props, name, system.dispatchers().get(props.dispatcher()), null);
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
    cell.actor = Creation.newInstance(cell);
    cell.sendSystem(new Create(null));
    return cell;
  }

  /**
   * Starts a top-level actor, a child of this guardian, on {@code dispatcher}; any thread.
   *
   * @param started completed once its {@code preStart} has run, failed with what that threw
   */
  public ActorRef startChild(Props props, String name, CellDispatcher dispatcher, Promise<Void> started) {
    return Creation.createChild(this, props, name, dispatcher, started).self;
  }

  /** Creates a top-level actor, a child of this guardian; any thread. A reserved name ('$...') is the machinery's. */
  public ActorRef createTopLevel(Props props, String name, boolean reserved) {
    return (reserved ? Creation.createChecked(this, props, name, system.dispatchers().get(props.dispatcher()), null)
        : createChild(props, name)).self;
  }

  // ---------------------------------------------------------------- sending (any thread)

  void sendMessage(Object message, ActorRef sender, Map<String, String> trace) {
    CellRouting router = routing;
    if (mailbox.isClosed()) {
      system.deadLetterOffice().publish(message, sender, self);
    } else if (router != null && !router.isForTheRouter(message)) {
      router.route(message, sender);
    } else {
      mailbox.enqueue(message, sender, trace);
    }
  }

  /** What the actor sends itself (timer ticks, receive timeouts): never routed. */
  void sendToSelf(Object message) {
    mailbox.enqueue(message, null, null);
  }

  void sendSystem(SystemMessage message) {
    mailbox.enqueueSystem(message);
  }

  boolean isTerminated() { // any thread
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
    if (rare != null || message == ReceiveTimeout.INSTANCE) {
      message = ActorTimers.deliverable(this, message);
      if (message == null) {
        return;
      }
    }
    currentSender = sender;
    currentMessage = message;
    try {
      if (message == PoisonPill.INSTANCE) {
        sendSystem(new Terminate());
      } else if (message == StopWhenDone.INSTANCE) {
        Behaviours.stopWhenDone(this);
      } else if (message == Kill.INSTANCE) {
        throw new ActorKilledException("Kill message received by " + path());
      } else if (message instanceof Terminated terminatedMessage) {
        // Only a Terminated this actor queued for a watch it still holds; see unwatch.
        if (DeathWatch.takeTerminated(this, terminatedMessage.actor())) {
          Behaviours.receive(this, message);
        }
      } else {
        Behaviours.receive(this, message);
      }
    } catch (Throwable t) {
      FaultHandling.handleInvokeFailure(this, t, message);
    } finally {
      currentSender = null;
      currentMessage = null;
      Behaviours.messageDone(this);
    }
  }

  // ---------------------------------------------------------------- system messages

  void systemInvoke(SystemMessage message) {
    try {
      if (terminated) {
        // A watch that arrives after the end is answered at once.
        if (message instanceof Watch watch) {
          watch.watcher.sendSystem(new DeathWatchNotification(this));
        } else if (message instanceof Inspect<?> inspect) {
          inspect.answer(this);
        }
      } else if (message instanceof Inspect<?> inspect) {
        inspect.answer(this);
      } else if (message instanceof Create create) {
        Creation.start(this, create.started);
      } else if (message instanceof DeathWatchNotification notification) {
        Termination.watchedActorTerminated(this, notification.actor);
      } else if (message instanceof RemoteTerminated notification) {
        DeathWatch.remoteWatcheeTerminated(this, notification.actor);
      } else if (message instanceof Failed failed) {
        FaultHandling.handleChildFailure(this, failed.child, failed.cause);
      } else if (message instanceof Terminate) {
        Termination.terminate(this);
      } else if (message instanceof ContinueStopping slice) {
        Termination.stopChildren(this, slice.children, slice.from);
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
      System.getLogger("actors.lifecycle").log(System.Logger.Level.ERROR, "[" + system.name() + "] " + path() + ": processing "
          + message.getClass().getSimpleName() + " failed", t);
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
    Termination.stop(this, ref);
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
    return ActorTimers.of(this);
  }

  @Override
  public void setReceiveTimeout(Duration timeout) {
    ReceiveTimeoutTimer.set(this, timeout);
  }

  @Override
  public Duration receiveTimeout() {
    return ReceiveTimeoutTimer.timeoutOf(this);
  }

  // ---------------------------------------------------------------- RoutedCell

  @Override
  public CellRouting routing() {
    return routing;
  }

  @Override
  public void installRouting(CellRouting routing) {
    if (!Creation.isUnderConstruction(this) || actor != null || this.routing != null) {
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

  /** The living descendant at {@code path} below this actor ({@code a/b}), or null; any thread. */
  public ActorRef descendant(String path) {
    return Children.descendant(this, path);
  }

  /** The actor's path, e.g. {@code /user/parent/child}; any thread. */
  public String path() {
    return Names.path(this);
  }

  @Override
  public String toString() {
    return "ActorCell[" + path() + "]";
  }
}
