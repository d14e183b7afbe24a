package actors.persistence.spi;

import io.vertx.core.Vertx;

/**
 * Makes the reactive PostgreSQL store, of the artifact {@code actors-vertx-postgres}: found as a
 * {@link java.util.ServiceLoader} service, so that persistence names no PostgreSQL client.
 */
public interface PostgresStores {

  /**
   * The store on the database at {@code uri} ({@code PersistenceOptions.setPostgres}): it
   * connects on first use, creating its tables if missing, and again after a failure; a
   * parameter of the URI it does not understand fails its operations, naming it. {@code name}
   * names what it runs.
   */
  Store open(Vertx vertx, String uri, String name);
}
