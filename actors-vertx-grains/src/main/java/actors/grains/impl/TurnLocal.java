package actors.grains.impl;

import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * The context local that holds a turn's call chain. Vert.x sizes each Vertx's context locals when
 * it is made, after it loaded its service providers: loading this provider registers the local
 * in time for every Vertx made while this artifact is on the class path. A Vertx made otherwise
 * has no room for it, and {@link Turn} falls back to the context's local map.
 */
public final class TurnLocal implements VertxServiceProvider {

  static final ContextLocal<Long> CHAIN = ContextLocal.registerLocal(Long.class);

  @Override
  public void init(VertxBootstrap bootstrap) {
    // Nothing: loading the class registered the local.
  }
}
