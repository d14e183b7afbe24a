package actors;

import actors.internal.SystemServices;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A verticle that is one actor: deploying it starts a top-level actor of {@code system} from
 * {@link Props} under a name, undeploying it stops the actor. Deployment completes once the
 * actor's {@code preStart} has run, and fails with what {@code preStart} threw (the actor is
 * then stopped).
 *
 * <p>The actor is bound to the verticle's own context, so the deployment options choose its
 * thread: an event loop by default, a worker context with {@code ThreadingModel.WORKER} (the
 * actor may block), a virtual thread with {@code ThreadingModel.VIRTUAL_THREAD}. The Props'
 * dispatcher is not used.
 *
 * <p>With {@code DeploymentOptions.setInstances(n)}, the n instances (on n event loops) make a
 * pool of n actors, {@code /user/<name>-1} to {@code /user/<name>-n}, behind one round-robin
 * reference whose path is {@code /user/<name>}. Each message goes to one of them, so messages
 * of one sender are ordered per actor, not across the pool. With one instance, the reference
 * is the actor's own, {@code /user/<name>}.
 * <pre>{@code
 * ActorVerticle.deploy(system, Props.create(Counter::new), "counter", new DeploymentOptions().setInstances(4))
 *     .compose(counter -> vertx.deployVerticle(new HttpVerticle(counter.ref())));
 * }</pre>
 */
public class ActorVerticle extends VerticleBase {

  private final SystemServices system;
  private final Props props;
  private final String name;
  private ActorRef actor;
  private ActorRef ref;

  /**
   * A verticle that starts an actor from {@code props} named {@code name} in {@code system}.
   *
   * @throws NullPointerException if an argument is null
   */
  public ActorVerticle(ActorSystem system, Props props, String name) {
    this.system = SystemServices.of(Objects.requireNonNull(system, "system"), "ActorVerticle");
    this.props = Objects.requireNonNull(props, "props");
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Deploys {@code options.getInstances()} instances and completes with one of them, once all
   * have started; its {@link #ref()} reaches the actor, or the pool of actors.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Future<ActorVerticle> deploy(ActorSystem system, Props props, String name, DeploymentOptions options) {
    Objects.requireNonNull(options, "options");
    List<ActorVerticle> instances = new CopyOnWriteArrayList<>();
    return system.vertx()
        .deployVerticle(() -> {
          ActorVerticle instance = new ActorVerticle(system, props, name);
          instances.add(instance);
          return instance;
        }, options)
        .map(deploymentId -> instances.get(0));
  }

  @Override
  public Future<?> start() {
    if (context.getInstanceCount() == 1) {
      return system.startActor(props, name, context).onSuccess(started -> {
        actor = started;
        ref = started;
      });
    }
    // Each instance, on its own event loop, adds its actor to the pool of the deployment.
    var pool = system.verticlePool(deploymentID(), name);
    return system.startActor(props, name + "-" + pool.nextMemberNumber(), context).onSuccess(started -> {
      actor = started;
      pool.add(started);
      ref = pool;
    });
  }

  @Override
  public Future<?> stop() {
    if (actor == null) {
      return Future.succeededFuture();
    }
    if (ref != actor) {
      system.leaveVerticlePool(deploymentID(), actor);
    }
    return system.stop(actor);
  }

  /**
   * The reference of this deployment once started: the actor's own, or with several instances
   * the round-robin reference of their pool.
   *
   * @throws IllegalStateException before the verticle has started
   */
  public ActorRef ref() {
    if (ref == null) {
      throw new IllegalStateException("actor verticle '" + name + "' has not started yet");
    }
    return ref;
  }

  /** The actor this instance started; {@code null} before it started. */
  public ActorRef actor() {
    return actor;
  }
}
