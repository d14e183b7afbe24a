package actors.grains;

import actors.ActorSystem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What an activation knows of itself and the runtime: given to the implementation's factory,
 * used from the grain's own calls (on its context). Calls made to other grains while a call is
 * in its turn belong to the same call chain, so a chain that comes back here is let in.
 */
public interface GrainContext {

  /** The grain's id. */
  String id();

  /** This grain, as a reference others can be given. */
  GrainId grainId();

  /** The system the grain runs in. */
  ActorSystem system();

  /** The grains of the system, to reach other grains. */
  Grains grains();

  /** The Vertx of the system. */
  Vertx vertx();

  /**
   * Declares the grain's durable state, read from the store before its first call: call it from
   * the implementation's constructor (or factory), at most once per name.
   *
   * @param name    the state's name, for implementations that keep several; e.g. "state"
   * @param type    its class, in a package the system allows ({@code addMessagePackage})
   * @param initial the state when the store has none
   * @throws IllegalStateException    after the activation has started, or for a name declared twice
   * @throws IllegalArgumentException if {@code type}'s package is not allowed
   */
  <S> GrainState<S> state(String name, Class<S> type, Supplier<S> initial);

  /**
   * Registers (or replaces) durable reminder {@code name}: due first after {@code period}, then
   * every {@code period}, kept in the store and delivered to {@link Remindable#receiveReminder}
   * on whichever node hosts the grain then, across restarts of the whole cluster. The Future
   * completes once it is stored.
   *
   * @throws IllegalArgumentException if {@code period} is shorter than
   *                                  {@link GrainOptions#MIN_REMINDER_PERIOD}
   * @throws IllegalStateException    if the implementation is not {@link Remindable}
   */
  Future<Void> registerReminder(String name, Duration period);

  /** Cancels reminder {@code name}; completes once the store forgot it (also if there was none). */
  Future<Void> unregisterReminder(String name);

  /** Deactivates the grain once its open calls have completed; it activates again on its next call. */
  void deactivateOnIdle();
}
