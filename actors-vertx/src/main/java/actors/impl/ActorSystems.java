package actors.impl;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;

import java.util.Objects;

/** What the {@code ActorSystem.create} and {@code ActorSystem.clustered} methods call: the checks, then a new system. */
public final class ActorSystems {

  private ActorSystems() {
  }

  /** Backs the {@code ActorSystem.create} methods; {@code vertx} null means one of its own. */
  public static ActorSystem create(Vertx vertx, ActorSystemOptions options) {
    Objects.requireNonNull(options, "options");
    ActorSystemOptions copy = new ActorSystemOptions(options);
    if (vertx == null) {
      VertxInternal own = (VertxInternal) Vertx.vertx();
      try {
        return new ActorSystemImpl(own, true, copy);
      } catch (RuntimeException refused) { // options it cannot honour (metrics without a registry, say): no Vertx left behind
        own.close();
        throw refused;
      }
    }
    if (!(vertx instanceof VertxInternal internal)) {
      throw new IllegalArgumentException("vertx must be a Vertx made by Vert.x (Vertx.vertx() or Vertx.builder()), was "
          + vertx.getClass().getName());
    }
    return new ActorSystemImpl(internal, false, copy);
  }

  /** Backs the {@code ActorSystem.clustered} methods: a system on a clustered Vertx, once other nodes can reach it. */
  public static Future<ActorSystem> clustered(Vertx vertx, boolean ownsVertx, ActorSystemOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(options, "options");
    if (!vertx.isClustered()) {
      throw new IllegalArgumentException("vertx is not clustered: build it with Vertx.builder().withClusterManager(...)"
          + ".buildClustered(), or use ActorSystem.create(vertx, options) for a single node");
    }
    ActorSystemImpl system;
    try {
      system = new ActorSystemImpl((VertxInternal) vertx, ownsVertx, new ActorSystemOptions(options));
    } catch (RuntimeException refused) { // unauthenticated, say: the caller closes a Vertx it made
      return Future.failedFuture(refused);
    }
    return system.remoteProvider().ready().<ActorSystem>map(system).recover(failure ->
        system.terminate().transform(terminated -> Future.failedFuture(failure)));
  }
}
