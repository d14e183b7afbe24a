package actors.grains;

import actors.ActorSystem;
import actors.grains.impl.GrainRuntime;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * Typed virtual actors (Orleans' grains) on a system: register an implementation of a grain
 * interface on the nodes that host it, and reach a grain by interface and id from any node.
 * <pre>{@code
 * Grains grains = Grains.get(system);
 * grains.register(Account.class, AccountGrain::new);     // on the nodes that host accounts
 * Account alice = grains.ref(Account.class, "alice");    // on any node
 * alice.deposit(100).onSuccess(balance -> ...);
 * }</pre>
 *
 * <p>A grain is always there: its one activation is made on its first call, on the node that
 * owns its shard, and deactivated when idle. Calls from one caller reach it in order; each call
 * takes its turn (see {@link Interleave} and {@link ReadOnly} for the exceptions), and a call
 * chain that comes back to an activation it passed through is let in. The same code runs on one
 * node (no cluster manager) and on many.
 *
 * <p>Thread-safe; no method blocks.
 */
public interface Grains {

  /** The grains of {@code system}, the same object on every call. */
  static Grains get(ActorSystem system) {
    return GrainRuntime.of(system);
  }

  /**
   * Whom {@code ref}, a reference from {@link #ref}, reaches.
   *
   * @throws IllegalArgumentException if it is not a grain reference
   */
  static GrainId idOf(Grain ref) {
    return GrainRuntime.idOf(ref);
  }

  /**
   * Makes this node host grains of {@code type}, each activation made by {@code factory} from
   * its context. The Future completes when the other hosts see this node (as
   * {@code ClusterSharding.start}).
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code type} is not an interface that extends
   *                                  {@link Grain}, its package is not allowed
   *                                  ({@code ActorSystemOptions.addMessagePackage}), or a method
   *                                  returns anything but {@code void} and {@code Future<T>}, or
   *                                  takes or gives a type that cannot cross the wire; the
   *                                  message names the method and the type
   * @throws IllegalStateException    if the type was registered or reached with other options
   */
  <I extends Grain> Future<Void> register(Class<I> type, Function<GrainContext, ? extends I> factory,
                                          GrainOptions options);

  /** {@link #register(Class, Function, GrainOptions)} with default options. */
  default <I extends Grain> Future<Void> register(Class<I> type, Function<GrainContext, ? extends I> factory) {
    return register(type, factory, new GrainOptions());
  }

  /**
   * Lets this node reach grains of {@code type} without hosting any, with {@code options} (the
   * same number of shards as the hosts). {@link #ref} does this with default options for a type
   * neither registered nor reached yet.
   *
   * @throws IllegalArgumentException as {@link #register}
   * @throws IllegalStateException    if the type was registered or reached with other options
   */
  <I extends Grain> Future<Void> reach(Class<I> type, GrainOptions options);

  /**
   * The reference to grain {@code id} of {@code type}: its calls reach the one activation,
   * wherever it runs. Cheap: make one per call if you like; it may be passed in arguments and
   * messages.
   *
   * @throws IllegalArgumentException as {@link #register}, or if {@code id} is empty or too long
   */
  <I extends Grain> I ref(Class<I> type, String id);

  /** {@link #ref(Class, String)} of {@code id}. */
  @SuppressWarnings("unchecked")
  default <I extends Grain> I ref(GrainId id) {
    return ref((Class<I>) id.type(), id.id());
  }
}
