package actors.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The end of one actor system: {@code terminate()} undeploys its root verticle, whose stop stops
 * every actor, then closes the Vertx if the system owns it; the system is terminated after
 * that, failed with the cause of a failure that escalated past {@code /user}. Closing the Vertx
 * or undeploying the root another way stops the actors and terminates the system all the same.
 */
final class Shutdown {

  private static final System.Logger LOG = System.getLogger("actors.system");

  private final VertxInternal vertx;
  private final boolean ownsVertx;
  private final String systemName;
  private final Future<String> rootDeployment;
  private final Supplier<Future<Void>> stopActors;
  private final Promise<Void> terminated = Promise.promise();
  private final AtomicBoolean terminateCalled = new AtomicBoolean();
  // What closes once the actors have stopped: stores and the like.
  private final List<Supplier<Future<?>>> hooks = new CopyOnWriteArrayList<>();
  private volatile Throwable escalatedFailure;

  Shutdown(VertxInternal vertx, boolean ownsVertx, String systemName, Future<String> rootDeployment,
           Supplier<Future<Void>> stopActors) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.systemName = systemName;
    this.rootDeployment = rootDeployment;
    this.stopActors = stopActors;
  }

  void addHook(Supplier<Future<?>> hook) {
    hooks.add(hook);
  }

  /** Runs every hook, all at once; completes when all have, whether they succeeded or not. */
  Future<Void> runHooks() {
    List<Future<?>> ran = new ArrayList<>();
    for (Supplier<Future<?>> hook : hooks) {
      try {
        ran.add(hook.get().onFailure(e -> LOG.log(System.Logger.Level.WARNING, "[" + systemName
            + "] closing what the actors used failed", e)));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "[" + systemName + "] closing what the actors used failed", e);
      }
    }
    return Future.join(ran).mapEmpty();
  }

  /** Starts the shutdown, once however often called; the Future completes when it is over. */
  Future<Void> terminate() {
    if (terminateCalled.compareAndSet(false, true)) {
      rootDeployment
          .transform(deployed -> deployed.succeeded() ? vertx.undeploy(deployed.result()) : stopActors.get())
          .onComplete(undeployed -> {
            if (undeployed.failed()) {
              LOG.log(System.Logger.Level.WARNING, "[" + systemName + "] undeploying the root verticle failed",
                  undeployed.cause());
            }
            if (ownsVertx) {
              closeVertx();
            } else {
              finish();
            }
          });
    }
    return whenTerminated();
  }

  /** The root verticle stops: every actor stops, and the system is terminated once they have. */
  Future<Void> rootStopped() {
    return stopActors.get().andThen(stopped -> {
      if (!terminateCalled.get()) {
        // The Vertx is closing, or someone undeployed the root: terminated all the same.
        finish();
      }
    });
  }

  /** A failure escalated past the guardian: the system terminates and reports it. */
  void escalated(Throwable cause) {
    escalatedFailure = cause;
    terminate();
  }

  Future<Void> whenTerminated() {
    return terminated.future();
  }

  /**
   * Closes the owned Vertx from a thread of its own: called on one of its event loops, close()
   * would complete its Future on that loop, which the close itself shuts down.
   */
  private void closeVertx() {
    Thread closer = new Thread(() -> vertx.close().onComplete(closed -> {
      if (closed.failed()) {
        LOG.log(System.Logger.Level.WARNING, "[" + systemName + "] closing Vert.x failed", closed.cause());
      }
      finish();
    }), "actors-" + systemName + "-close");
    closer.start();
  }

  private void finish() {
    Throwable failure = escalatedFailure;
    if (failure != null) {
      terminated.tryFail(failure);
    } else {
      terminated.tryComplete();
    }
  }
}
