package actors;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import actors.internal.CallerContext;

import java.util.function.Supplier;

/**
 * Deploys verticles that are not Vert.x children of the caller's deployment. Vert.x undeploys
 * a deployment's children itself, before the parent's {@code stop} and in no set order; a
 * supervisor that promises reverse start order must own that order, so it deploys from a
 * context of no deployment and undeploys its children itself.
 */
final class DetachedDeployer {

  private final VertxInternal vertx;
  private final ContextInternal detached;

  /** A deployer for {@code vertx}; create it on the supervisor's context. */
  DetachedDeployer(Vertx vertx) {
    this.vertx = (VertxInternal) vertx;
    this.detached = this.vertx.createEventLoopContext();
  }

  /** Deploys instances from {@code factory}; the Future completes on the caller's context. */
  Future<String> deploy(Supplier<? extends Deployable> factory, DeploymentOptions options) {
    Promise<String> deployed = CallerContext.promise();
    detached.runOnContext(v -> detached.owner().deployVerticle(factory, options).onComplete(deployed));
    return deployed.future();
  }

  /**
   * Undeploys {@code deploymentId}; never fails. While the Vertx is closing it undeploys every
   * deployment itself, these too, and a second undeploy would only make it log an error.
   */
  Future<Void> undeploy(String deploymentId) {
    if (vertx.closeFuture().isClosed()) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(deploymentId).recover(e -> Future.succeededFuture());
  }
}
