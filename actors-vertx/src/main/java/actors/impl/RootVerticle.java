package actors.impl;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The system's root: a verticle on the hosting Vertx whose undeployment, by
 * {@code ActorSystem.terminate()} or by closing the Vertx, stops every actor first.
 */
final class RootVerticle extends VerticleBase {

  private final ActorSystemImpl system;

  RootVerticle(ActorSystemImpl system) {
    this.system = system;
  }

  @Override
  public Future<?> stop() {
    return system.rootStopped();
  }
}
