/**
 * Event-sourced actors, the artifact {@code actors-vertx-persistence}: the journal SPI, the
 * embedded SQLite store (its driver comes with this artifact) and the PostgreSQL store over
 * PostgreSQL's JDBC driver (which the application adds).
 */
module actors.vertx.persistence {
  requires transitive actors.vertx;
  requires java.sql;
  requires com.fasterxml.jackson.databind;
  // Found through DriverManager; named so that the embedded store works on a module path too.
  requires org.xerial.sqlitejdbc;

  exports actors.persistence;
}
