package actors.grains.impl;

import actors.Actor;
import actors.ActorRef;
import actors.Stash;
import actors.Status;
import actors.grains.GrainContext;
import actors.grains.GrainLifecycle;
import actors.grains.GrainOptions;
import actors.grains.InconsistentStateException;
import actors.grains.Interleave;
import actors.grains.Remindable;
import actors.internal.LocalRef;
import actors.internal.NullReply;
import actors.internal.PendingAsk;
import actors.internal.StopWhenDone;
import actors.sharding.Passivate;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * One activation of a grain: the sharded entity that holds its implementation and gives each
 * call its turn. A call starts when no other is open, when it belongs to the call chain of an
 * open one (a chain that came back), when it interleaves ({@code @Interleave}), or when it and
 * all open ones are read-only; else it waits, stashed, in order. A turn ends when the method's
 * Future completes; calls made during it carry its chain (see {@link Turn}).
 */
final class GrainActivation extends Actor implements Stash, StopWhenDone.Deferring {

  private static final System.Logger LOG = System.getLogger("actors.grains");
  private static final GrainMethod REMINDER;

  static {
    try {
      REMINDER = GrainMethod.of(Remindable.class, Remindable.class.getMethod("receiveReminder", String.class), false);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A turn that did not end at once ended: the method's Future completed. */
  private record TurnEnded(GrainActivation activation, long chain, boolean readOnly) {
  }

  /** The state was read and {@code onActivate} ran, or failed with {@code cause}. */
  private record Activated(GrainActivation activation, Throwable cause) {
  }

  private final GrainRuntime runtime;
  private final GrainType type;
  private final Function<GrainContext, ?> factory;
  private final GrainOptions options;
  private final Reminders reminders;
  private final String id;
  private ActivationContext grain;
  private ContextInternal home; // the actor's context, which each turn duplicates
  private Object instance;
  private boolean reentrant;
  private boolean activating;
  private Throwable activationFailure;
  private int open;
  private int openReadOnly;
  private int waiting; // calls stashed since the stash was last returned to the mailbox
  private long[] openChains = new long[4]; // the chains of the open calls, one entry per call
  private boolean passivating;

  GrainActivation(GrainRuntime runtime, GrainType type, Function<GrainContext, ?> factory, GrainOptions options,
                  Reminders reminders, String id) {
    this.runtime = runtime;
    this.type = type;
    this.factory = factory;
    this.options = options;
    this.reminders = reminders;
    this.id = id;
  }

  @Override
  public void preStart() {
    ActorRef me = self();
    home = (ContextInternal) context().vertxContext();
    grain = new ActivationContext(runtime, type, reminders, id, home, me);
    instance = factory.apply(grain);
    if (!type.type().isInstance(instance)) {
      throw new IllegalStateException("the factory of grain " + type.typeName() + " returned "
          + (instance == null ? "null" : "a " + instance.getClass().getName() + ", not a " + type.typeName()));
    }
    reentrant = instance.getClass().isAnnotationPresent(Interleave.class);
    Future<Void> ready = grain.activate(instance);
    if (instance instanceof GrainLifecycle lifecycle) {
      ready = ready.compose(read -> lifecycle.onActivate());
    }
    if (options.isRemembered()) {
      reminders.remember(id);
    }
    if (ready.succeeded()) {
      return;
    }
    activating = true;
    ready.onComplete(done -> me.tell(new Activated(this, done.cause())));
  }

  @Override
  protected void receive(Object message) throws Exception {
    if (message instanceof GrainCall call) {
      call(call.method(), call.args(), call.chain(), call.method().answered() ? sender() : null);
    } else if (message instanceof TurnEnded ended) {
      if (ended.activation() == this) {
        endTurn(ended.chain(), ended.readOnly());
      }
    } else if (message instanceof ReminderTick tick) {
      if (!(instance instanceof Remindable)) {
        throw new IllegalStateException("reminder " + tick.name() + " is due for grain " + grain.grainId()
            + ", whose implementation " + instance.getClass().getName() + " is not Remindable");
      }
      call(REMINDER, new Object[] {tick.name()}, Turn.chain(), tick.answered() ? sender() : null);
    } else if (message instanceof Activated activated) {
      if (activated.activation() == this) {
        activating = false;
        activationFailure = activated.cause();
        if (activationFailure != null) {
          LOG.log(System.Logger.Level.WARNING, "grain " + grain.grainId() + " could not be activated", activationFailure);
          context().parent().tell(Passivate.INSTANCE, self());
        }
        waiting = 0;
        unstashAll();
      }
    } else if (message == Nudge.INSTANCE) {
      resume();
    } else if (message instanceof Stale stale) {
      if (stale.from() == grain) {
        throw stale.cause(); // for its supervisor: a restart reads the state again before the calls that wait
      }
    } else if (!(message instanceof Wake)) {
      unhandled(message);
    }
  }

  private void call(GrainMethod method, Object[] args, long chain, ActorRef replyTo) throws Exception {
    if (activating || activationFailure == null && !mayStart(method, chain)) {
      stash();
      waiting++;
    } else if (activationFailure == null) {
      start(method, args, chain, replyTo);
    } else if (replyTo != null) { // the activation failed: the call is answered with why
      replyTo.tell(new Status.Failure(new IllegalStateException("grain " + grain.grainId()
          + " could not be activated: " + activationFailure, activationFailure)), self());
    }
  }

  // A read-only call does not pass calls that wait: calls from one caller start in order.
  private boolean mayStart(GrainMethod method, long chain) {
    return open == 0 || reentrant || method.interleave() || isOpen(chain)
        || method.readOnly() && openReadOnly == open && waiting == 0;
  }

  private boolean isOpen(long chain) {
    for (int i = 0; i < open; i++) {
      if (openChains[i] == chain) {
        return true;
      }
    }
    return false;
  }

  private void start(GrainMethod method, Object[] args, long chain, ActorRef replyTo) throws Exception {
    open++;
    if (method.readOnly()) {
      openReadOnly++;
    }
    if (open > openChains.length) {
      openChains = java.util.Arrays.copyOf(openChains, open * 2);
    }
    openChains[open - 1] = chain;
    ContextInternal turn = Turn.context(home, chain);
    Object result;
    ContextInternal previous = turn.beginDispatch();
    try {
      result = invoke(method.method(), args);
    } catch (Exception | Error e) {
      reply(method, replyTo, e);
      endTurn(chain, method.readOnly());
      throw e; // also the activation's failure, for its supervisor
    } finally {
      turn.endDispatch(previous);
    }
    if (!method.answered()) {
      endTurn(chain, method.readOnly());
    } else if (result == null) {
      reply(method, replyTo, new IllegalStateException(method + " of grain " + grain.grainId() + " returned a null Future"));
      endTurn(chain, method.readOnly());
    } else if (((Future<?>) result).isComplete()) {
      reply(method, replyTo, (Future<?>) result);
      endTurn(chain, method.readOnly());
    } else {
      ActorRef me = self();
      ((Future<?>) result).onComplete(done -> {
        reply(method, replyTo, done);
        me.tell(new TurnEnded(this, chain, method.readOnly()));
      });
    }
  }

  private Object invoke(Method method, Object[] args) throws Exception {
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception exception ? exception : new IllegalStateException(e.getCause());
    }
  }

  private void reply(GrainMethod method, ActorRef replyTo, Object outcome) {
    if (replyTo == null) {
      return;
    }
    Object answer;
    if (outcome instanceof Throwable failure) {
      answer = new Status.Failure(failure);
    } else if (((AsyncResult<?>) outcome).failed()) {
      answer = new Status.Failure(((AsyncResult<?>) outcome).cause());
    } else {
      Object value = ((AsyncResult<?>) outcome).result();
      boolean asItIs = replyTo instanceof PendingAsk || replyTo instanceof LocalRef || GrainWire.goesBare(value);
      answer = value == null ? NullReply.INSTANCE : asItIs ? value : new GrainReply(method, value);
    }
    replyTo.tell(answer, self());
  }

  private void endTurn(long chain, boolean readOnly) {
    open--;
    if (readOnly) {
      openReadOnly--;
    }
    for (int i = open; i >= 0; i--) { // open was decremented: the entries are 0 to open
      if (openChains[i] == chain) {
        openChains[i] = openChains[open];
        break;
      }
    }
    resume();
  }

  /** Lets waiting calls (and a stop) come back once nothing holds them. */
  private void resume() {
    if (open == openReadOnly) {
      waiting = 0;
      unstashAll();
    }
    if (open == 0 && grain.deactivateRequested() && !passivating) {
      passivating = true;
      if (options.isRemembered()) {
        reminders.forget(id);
      }
      context().parent().tell(Passivate.INSTANCE, self());
    }
  }

  /** A stop waits for open turns, the activation and writes; the state changed and not written is written first. */
  @Override
  public boolean deferStop() {
    if (!activating && open == 0) {
      grain.writeDirtyOnce();
    }
    return activating || open > 0 || grain.writing();
  }

  @Override
  public void postStop() {
    if (instance instanceof GrainLifecycle lifecycle && activationFailure == null) {
      try {
        lifecycle.onDeactivate();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "onDeactivate of grain " + grain.grainId() + " failed", e);
      }
    }
  }

  /** Look again at what waits: a write ended (a stop may go on), or the grain asked to be deactivated. */
  enum Nudge { INSTANCE }

  /** A write of the state was refused: what this activation holds is stale. */
  record Stale(ActivationContext from, InconsistentStateException cause) {
  }
}
