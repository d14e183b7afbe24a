package actors.grains.impl;

import actors.ActorRef;
import actors.ActorSystem;
import actors.cluster.ClusterMessage;
import actors.grains.Grain;
import actors.grains.GrainContext;
import actors.grains.GrainId;
import actors.grains.GrainOptions;
import actors.grains.GrainState;
import actors.grains.Grains;
import actors.grains.InconsistentStateException;
import actors.grains.Remindable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The {@link GrainContext} of one activation: its states, reminders and wish to be deactivated. */
final class ActivationContext implements GrainContext {

  private static final System.Logger LOG = System.getLogger("actors.grains");

  private final GrainRuntime runtime;
  private final Reminders reminders;
  private final GrainId grainId;
  private final ContextInternal loop;
  private final ActorRef activation;
  private final Map<String, DurableState<?>> states = new LinkedHashMap<>(2);
  private Object implementation;
  private boolean deactivate;
  private boolean finalWriteTried;

  @SuppressWarnings("unchecked")
  ActivationContext(GrainRuntime runtime, GrainType type, Reminders reminders, String id, ContextInternal loop,
                    ActorRef activation) {
    this.runtime = runtime;
    this.reminders = reminders;
    this.grainId = new GrainId((Class<? extends Grain>) type.type(), id);
    this.loop = loop;
    this.activation = activation;
  }

  @Override
  public String id() {
    return grainId.id();
  }

  @Override
  public GrainId grainId() {
    return grainId;
  }

  @Override
  public ActorSystem system() {
    return runtime.system();
  }

  @Override
  public Grains grains() {
    return runtime;
  }

  @Override
  public Vertx vertx() {
    return runtime.system().vertx();
  }

  @Override
  public <S> GrainState<S> state(String name, Class<S> type, Supplier<S> initial) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(initial, "initial");
    if (implementation != null) {
      throw new IllegalStateException("the state of grain " + grainId + " is declared in its constructor or factory, "
          + "before its activation starts; " + name + " came later");
    }
    if (states.containsKey(name)) {
      throw new IllegalStateException("state " + name + " of grain " + grainId + " is declared twice");
    }
    if (!system().options().getMessagePackages().contains(type.getPackageName())
        && !type.isAnnotationPresent(ClusterMessage.class)) {
      throw new IllegalArgumentException("state " + type.getName() + " of grain " + grainId + " could not be read back: "
          + "its package is not allowed (ActorSystemOptions.addMessagePackage(\"" + type.getPackageName() + "\"))");
    }
    DurableState<S> state = new DurableState<>(this, name, type, initial, loop);
    states.put(name, state);
    return state;
  }

  @Override
  public Future<Void> registerReminder(String name, Duration period) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(period, "period");
    if (period.compareTo(GrainOptions.MIN_REMINDER_PERIOD) < 0) {
      throw new IllegalArgumentException("reminder " + name + " of grain " + grainId + " has a period of " + period
          + ", shorter than GrainOptions.MIN_REMINDER_PERIOD (" + GrainOptions.MIN_REMINDER_PERIOD + "); use a timer");
    }
    if (implementation != null && !(implementation instanceof Remindable)) {
      throw new IllegalStateException("grain " + grainId + " registers reminder " + name + " but its implementation "
          + implementation.getClass().getName() + " is not Remindable");
    }
    return reminders.register(grainId.id(), name, period);
  }

  @Override
  public Future<Void> unregisterReminder(String name) {
    return reminders.unregister(grainId.id(), Objects.requireNonNull(name, "name"));
  }

  @Override
  public void deactivateOnIdle() {
    deactivate = true;
    activation.tell(GrainActivation.Nudge.INSTANCE);
  }

  /** The implementation was made: reads every state declared; no state can be declared after. */
  Future<Void> activate(Object implementation) {
    this.implementation = implementation;
    if (states.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(states.values().stream().map(DurableState::load).toList()).mapEmpty();
  }

  boolean deactivateRequested() {
    return deactivate;
  }

  boolean writing() {
    return states.values().stream().anyMatch(DurableState::writing);
  }

  void writeEnded() {
    activation.tell(GrainActivation.Nudge.INSTANCE);
  }

  /** A write was refused: the activation restarts, and reads its state again, before the calls that wait. */
  void stale(InconsistentStateException cause) {
    activation.tell(new GrainActivation.Stale(this, cause));
  }

  /** Before the activation stops: writes the states changed and not written, once. */
  void writeDirtyOnce() {
    if (finalWriteTried) {
      return;
    }
    finalWriteTried = true;
    states.forEach((name, state) -> {
      if (state.dirty()) {
        state.write().onFailure(failure -> LOG.log(System.Logger.Level.WARNING, "state " + name + " of grain "
            + grainId + " changed and could not be written before it was deactivated", failure));
      }
    });
  }
}
