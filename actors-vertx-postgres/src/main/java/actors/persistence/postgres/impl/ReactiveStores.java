package actors.persistence.postgres.impl;

import actors.persistence.spi.PostgresStores;
import actors.persistence.spi.Store;
import io.vertx.core.Vertx;

/** Makes {@link ReactivePgStore}s: persistence finds it as a service. */
public final class ReactiveStores implements PostgresStores {

  @Override
  public Store open(Vertx vertx, String uri, String name) {
    return new ReactivePgStore(vertx, PgTarget.parse(uri), name);
  }
}
