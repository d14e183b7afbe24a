/**
 * Event-sourced actors, the artifact {@code actors-vertx-persistence}: the journal SPI, the
 * embedded SQLite store (its driver comes with this artifact), and PostgreSQL through the
 * reactive store of {@code actors-vertx-postgres} or PostgreSQL's JDBC driver, whichever the
 * application adds.
 */
module actors.vertx.persistence {
  requires transitive actors.vertx;
  requires java.sql;
  requires com.fasterxml.jackson.databind;
  // Found through DriverManager; named so that the embedded store works on a module path too.
  requires org.xerial.sqlitejdbc;

  exports actors.persistence;
  exports actors.persistence.spi to actors.vertx.postgres;

  uses actors.persistence.spi.PostgresStores;
}
