package actors.persistence.impl;

import actors.persistence.spi.PostgresSchema;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A database the JDBC store runs on: its schema, and how it says "duplicate key". */
public interface Dialect {

  /** The statements that create what is missing, run at every start. */
  List<String> schema();

  /** Whether {@link #schema()} runs as one transaction (else one statement at a time). */
  default boolean schemaInOneTransaction() {
    return false;
  }

  /** The token of a persistence id ({@code ?}), locked until the transaction ends where the database locks rows. */
  default String fenceCheck() {
    return PostgresSchema.FENCE_CHECK.replace("$1", "?");
  }

  /** Whether {@code e} is a violation of the journal's key: a sequence number written already. */
  boolean isDuplicateKey(SQLException e);

  /**
   * How many connections write at once, each committing its own groups: one where the
   * database takes one writer at a time (SQLite).
   */
  default int writeConnections() {
    return 1;
  }

  /**
   * SQLite in WAL mode with synchronous NORMAL: the embedded default. A commit reaches the
   * operating system before the write is acknowledged, so a process that dies loses nothing
   * acknowledged (the crash test kills it mid-stream); surviving a power loss needs
   * synchronous FULL, or a server database.
   */
  Dialect SQLITE = new Dialect() {
    @Override
    public List<String> schema() {
      return List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
          "CREATE TABLE IF NOT EXISTS actors_journal (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, "
              + "manifest TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (persistence_id, sequence_nr))",
          "CREATE TABLE IF NOT EXISTS actors_deleted (persistence_id TEXT NOT NULL, to_sequence_nr INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS actors_snapshots (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, "
              + "manifest TEXT NOT NULL, payload BLOB NOT NULL)",
          "CREATE TABLE IF NOT EXISTS actors_fences (persistence_id TEXT PRIMARY KEY, token INTEGER NOT NULL)");
    }

    @Override
    public String fenceCheck() {
      // One writer at a time: the write transaction that checks holds the database until it ends.
      return "SELECT token FROM actors_fences WHERE persistence_id = ?";
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
      return e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed");
    }

    @Override
    public String toString() {
      return "SQLite";
    }
  };

  /** PostgreSQL, through its JDBC driver, which the application adds to its dependencies. */
  Dialect POSTGRES = new Dialect() {
    @Override
    public List<String> schema() {
      return PostgresSchema.STATEMENTS;
    }

    @Override
    public boolean schemaInOneTransaction() {
      return true;
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
      return "23505".equals(e.getSQLState());
    }

    @Override
    public int writeConnections() {
      return 4;
    }

    @Override
    public String toString() {
      return "PostgreSQL";
    }
  };

  /** The JDBC URL of the SQLite database in {@code directory}. */
  static String sqliteUrl(Path directory) {
    return "jdbc:sqlite:" + directory.resolve("journal.db").toAbsolutePath();
  }

  /**
   * Where {@code uri} ({@code postgresql://user:secret@host:5432/database?sslmode=require})
   * connects: the JDBC URL keeps the URI's query parameters, libpq's names
   * ({@code application_name}, {@code connect_timeout}) given the driver's; user and password,
   * percent-decoded, go to the driver as properties, never into the URL.
   *
   * @throws IllegalArgumentException if it is not such a URI
   */
  static JdbcTarget postgres(String uri) {
    URI parsed = URI.create(uri.startsWith("postgres://") ? "postgresql://" + uri.substring("postgres://".length()) : uri);
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(parsed.getHost())
        .append(parsed.getPort() > 0 ? ":" + parsed.getPort() : "").append(parsed.getRawPath());
    Properties credentials = new Properties();
    String userInfo = parsed.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      credentials.setProperty("user", decoded(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        credentials.setProperty("password", decoded(userInfo.substring(colon + 1)));
      }
    }
    List<String> parameters = new ArrayList<>();
    if (parsed.getRawQuery() != null) {
      // libpq's names of the parameters that PostgreSQL's JDBC driver names otherwise.
      Map<String, String> driverNames = Map.of("application_name", "ApplicationName", "applicationName", "ApplicationName",
          "connect_timeout", "connectTimeout");
      for (String parameter : parsed.getRawQuery().split("&")) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        parameters.add(driverNames.getOrDefault(name, name)
            + (equals < 0 ? "" : "=" + URLEncoder.encode(decoded(parameter.substring(equals + 1)), StandardCharsets.UTF_8)));
      }
    }
    String jdbcUrl = parameters.isEmpty() ? url.toString() : url.append('?').append(String.join("&", parameters)).toString();
    return new JdbcTarget(jdbcUrl, credentials);
  }

  /** A percent-encoded URI component, decoded: a {@code +} stays a plus (it is no form field). */
  private static String decoded(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
