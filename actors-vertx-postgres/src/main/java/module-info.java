/**
 * The reactive PostgreSQL store, the artifact {@code actors-vertx-postgres}: with it on the
 * class path, {@code PersistenceOptions.setPostgres} keeps events and snapshots in PostgreSQL
 * through Vert.x's own client ({@code vertx-pg-client}), on the event loops, with no thread of
 * its own.
 */
module actors.vertx.postgres {
  requires transitive actors.vertx.persistence;
  requires io.vertx.sql.client;
  requires io.vertx.sql.client.pg;

  provides actors.persistence.spi.PostgresStores with actors.persistence.postgres.impl.ReactiveStores;
}
