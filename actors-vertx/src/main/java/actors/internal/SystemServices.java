package actors.internal;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** What the other concerns, {@code ActorVerticle} and the testkit need of an actor system. */
public interface SystemServices extends ActorSystem {

  /**
   * {@code system}'s services.
   *
   * @throws IllegalArgumentException if it was not made by {@code ActorSystem.create} or
   *                                  {@code ActorSystem.clustered}, naming {@code user}
   */
  static SystemServices of(ActorSystem system, String user) {
    if (system instanceof SystemServices services) {
      return services;
    }
    throw new IllegalArgumentException(user + " needs an actor system made by ActorSystem.create or "
        + "ActorSystem.clustered, was " + (system == null ? "null" : system.getClass().getName()));
  }

  /** How this system reaches other nodes, and which nodes there are. */
  RemoteProvider remoteProvider();

  /**
   * Creates a top-level actor under a name kept from users ({@code $sharding.cart}): the
   * machinery's own actors, which no user name can take.
   *
   * @throws IllegalArgumentException if {@code name} does not start with {@code '$'}
   */
  ActorRef systemActorOf(Props props, String name);

  /** Trace context through tell and ask; null when Vert.x has no tracer. */
  MessageTracing tracing();

  /** The system's meters; null while metrics are off. */
  SystemMeters meters();

  /**
   * Runs {@code hook} when the system terminates, once every actor has stopped and before the
   * system is terminated (and an owned Vertx closed): what the actors used closes there.
   */
  void beforeTerminated(Supplier<Future<?>> hook);

  /** The actor of this node at {@code path} ({@code /user} for the guardian) as a monitor reads it, or null. */
  ActorView actorView(String path);

  /** Where undeliverable messages go. */
  DeadLetters deadLetterOffice();

  /** The ask timeout of {@code ask(message)}. */
  Duration defaultAskTimeout();

  /** A context for timers of work started off any context. */
  ContextInternal anyContext();

  /** Whether the system has terminated: nothing it sends or asks is delivered any more. */
  default boolean isTerminated() {
    return whenTerminated().isComplete();
  }

  /**
   * Sends {@code message} to {@code target} with a temporary reply reference as sender: the
   * ask of references that are not actors of this node.
   */
  <T> Future<T> ask(ActorRef target, Object message, Duration timeout);

  /** The reference to this node's actor (or ask, or dead letters) at {@code path}, or null. */
  ActorRef findLocal(String path);

  /** What {@code path}, where no actor of this node lives, resolves to: a dead end that says so. */
  ActorRef missingActor(String path);

  /** Whether this node registered the actor at {@code path} in its registry, under any name. */
  boolean isRegistered(String path);

  /** The cluster reports {@code node} gone: what the system keeps of it goes. */
  void nodeLeft(String node);

  /**
   * Starts a top-level actor bound to {@code context} (an actor verticle's); the Future
   * completes once its {@code preStart} has run, and fails with what that threw.
   */
  Future<ActorRef> startActor(Props props, String name, Context context);

  /** The pool shared by the instances of one actor-verticle deployment. */
  VerticlePool verticlePool(String deploymentId, String name);

  /** Removes a routee from a deployment's pool; the pool goes with its last routee. */
  void leaveVerticlePool(String deploymentId, ActorRef routee);

  /** The actors failing now (waiting for their supervisor or a back-off): path and cause. */
  Map<String, Throwable> failingActors();
}
