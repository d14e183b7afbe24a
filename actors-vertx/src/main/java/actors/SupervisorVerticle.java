package actors;

import actors.internal.RestartStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Erlang/OTP-style supervision for plain verticles: deploys child verticles from factories, in
 * the order they were added, and applies a {@link SupervisorStrategy} when one fails.
 *
 * <p>A child fails when its deployment (its {@code start}) fails, or when it reports a failure
 * through {@link Supervised}. The strategy's decider then answers: {@link Directive#RESTART}
 * undeploys the affected children (see {@link SupervisorStrategy.Scope}) in reverse start
 * order and deploys new instances from their factories in start order, after the strategy's
 * back-off; {@link Directive#STOP} undeploys them for good; {@link Directive#RESUME} leaves
 * the child as it is; {@link Directive#ESCALATE}, and a restart past the strategy's limit,
 * make the supervisor give up: it undeploys every child and reports the failure to its own
 * supervisor (a {@code SupervisorVerticle} is itself {@link Supervised}, so supervisors nest
 * into a tree), or, at the top, undeploys itself. A failure while the supervisor starts that
 * it gives up on fails its deployment.
 *
 * <p>Undeploying the supervisor undeploys its children in reverse start order. Children are
 * added before the supervisor is deployed; it runs on its own context and never blocks. A
 * child that fails to start while the supervisor starts is retried within the restart limit.
 */
public class SupervisorVerticle extends VerticleBase implements Supervised {

  private static final System.Logger LOG = System.getLogger("actors.supervision");

  private final SupervisorStrategy strategy;
  private final List<Child> children = new ArrayList<>();
  private final RestartStats groupStats = new RestartStats();
  private Handler<Throwable> parentReporter;
  private DetachedDeployer deployer;
  private boolean givenUp;

  /** A supervisor applying {@code strategy} to its children. */
  public SupervisorVerticle(SupervisorStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /** Adds a child deployed with default options. */
  public SupervisorVerticle addChild(String name, Supplier<? extends Deployable> factory) {
    return addChild(name, factory, new DeploymentOptions());
  }

  /**
   * Adds a child; children start in the order they were added.
   *
   * @throws IllegalStateException    once the supervisor is deployed
   * @throws IllegalArgumentException if the name is taken
   */
  public SupervisorVerticle addChild(String name, Supplier<? extends Deployable> factory, DeploymentOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(options, "options");
    if (context != null) {
      throw new IllegalStateException("children are added before the supervisor is deployed");
    }
    for (Child child : children) {
      if (child.name.equals(name)) {
        throw new IllegalArgumentException("a child named " + name + " was already added");
      }
    }
    children.add(new Child(name, factory, new DeploymentOptions(options)));
    return this;
  }

  @Override
  public void supervisedBy(Handler<Throwable> failureReporter) {
    this.parentReporter = failureReporter;
  }

  /**
   * The deployment ids of the running children, in start order: a snapshot, exact when called
   * on the supervisor's context.
   */
  public List<String> childDeploymentIds() {
    List<String> ids = new ArrayList<>();
    for (Child child : children) {
      if (child.deploymentId != null) {
        ids.add(child.deploymentId);
      }
    }
    return ids;
  }

  @Override
  public Future<?> start() {
    deployer = new DetachedDeployer(vertx);
    Promise<Void> started = Promise.promise();
    startFrom(0, started);
    return started.future();
  }

  private void startFrom(int index, Promise<Void> started) {
    if (index == children.size()) {
      started.tryComplete();
      return;
    }
    Child child = children.get(index);
    deploy(child).onComplete(deployed -> {
      if (deployed.succeeded()) {
        startFrom(index + 1, started);
        return;
      }
      Duration delay = restartDelay(child, deployed.cause());
      if (delay == null) {
        undeploy(children.subList(0, index)).onComplete(v -> started.tryFail(deployed.cause()));
      } else {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> startFrom(index, started));
      }
    });
  }

  @Override
  public Future<?> stop() {
    return undeploy(children);
  }

  private Future<Void> deploy(Child child) {
    long generation = ++child.generation;
    Handler<Throwable> reporter = cause -> context.runOnContext(v -> {
      if (child.generation == generation && child.deploymentId != null) {
        childFailed(child, cause);
      }
    });
    // A supplier, so that DeploymentOptions.setInstances(n) deploys n supervised instances.
    Supplier<Deployable> instances = () -> {
      Deployable instance = Objects.requireNonNull(child.factory.get(),
          "the factory of child verticle " + child.name + " returned null");
      if (instance instanceof Supervised supervised) {
        supervised.supervisedBy(reporter);
      }
      return instance;
    };
    return deployer.deploy(instances, child.options).map(id -> {
      child.deploymentId = id;
      return null;
    });
  }

  /** Undeploys the running ones among {@code group}, in reverse start order, one after the other. */
  private Future<Void> undeploy(List<Child> group) {
    Future<Void> done = Future.succeededFuture();
    for (int i = group.size() - 1; i >= 0; i--) {
      Child child = group.get(i);
      done = done.transform(ignored -> {
        String id = child.deploymentId;
        child.deploymentId = null;
        child.generation++;
        return id == null ? Future.<Void>succeededFuture() : deployer.undeploy(id);
      });
    }
    return done;
  }

  private void childFailed(Child child, Throwable cause) {
    if (givenUp) {
      return;
    }
    Directive directive = strategy.decide(cause);
    Duration delay = null;
    if (directive == Directive.RESTART) {
      delay = restartDelay(child, cause);
      if (delay == null) {
        directive = Directive.ESCALATE;
      }
    } else if (strategy.loggingEnabled()) {
      log(child, cause, directive, null);
    }
    List<Child> affected = strategy.scope().select(children, child);
    switch (directive) {
      case RESUME -> { }
      case STOP -> undeploy(affected);
      case RESTART -> {
        Duration wait = delay;
        undeploy(affected).onComplete(v -> vertx.setTimer(Math.max(1, wait.toMillis()), id -> redeploy(affected, 0)));
      }
      case ESCALATE -> giveUp(cause);
    }
  }

  /** The back-off before restarting {@code child}, or null when the restart limit is reached. */
  private Duration restartDelay(Child child, Throwable cause) {
    RestartStats stats = strategy.scope() == SupervisorStrategy.Scope.ONE_FOR_ONE ? child.stats : groupStats;
    Duration delay = stats.requestRestart(strategy);
    if (delay == null) {
      if (strategy.loggingEnabled()) {
        log(child, cause, Directive.ESCALATE, "restart limit reached");
      }
      return null;
    }
    if (strategy.loggingEnabled()) {
      log(child, cause, Directive.RESTART, delay.isZero() ? null : "after a back-off of " + delay.toMillis() + " ms");
    }
    return delay;
  }

  private void redeploy(List<Child> group, int index) {
    if (index == group.size() || givenUp) {
      return;
    }
    Child child = group.get(index);
    deploy(child).onComplete(deployed -> {
      if (deployed.succeeded()) {
        redeploy(group, index + 1);
      } else {
        childFailed(child, deployed.cause());
      }
    });
  }

  private void giveUp(Throwable cause) {
    givenUp = true;
    undeploy(children).onComplete(v -> {
      if (parentReporter != null) {
        parentReporter.handle(cause);
      } else {
        LOG.log(System.Logger.Level.ERROR, "supervisor verticle " + deploymentID() + " gave up and undeploys itself", cause);
        vertx.undeploy(deploymentID());
      }
    });
  }

  private void log(Child child, Throwable cause, Directive directive, String detail) {
    LOG.log(System.Logger.Level.ERROR, "supervisor verticle " + deploymentID() + ": child " + child.name
        + " failed: " + cause + "; decided " + directive + (detail == null ? "" : " (" + detail + ")"), cause);
  }

  /** A child's spec and its current deployment. */
  private static final class Child {
    final String name;
    final Supplier<? extends Deployable> factory;
    final DeploymentOptions options;
    final RestartStats stats = new RestartStats();
    String deploymentId;
    // Bumped at each deploy and undeploy, so a report from a replaced instance is ignored.
    long generation;

    Child(String name, Supplier<? extends Deployable> factory, DeploymentOptions options) {
      this.name = name;
      this.factory = factory;
      this.options = options;
    }
  }
}
