package actors.persistence.spi;

import java.util.List;

/**
 * The tables of the PostgreSQL stores, the same for the JDBC and the reactive one (a database
 * can move between them), created if missing in one transaction behind {@link #LOCK}.
 */
public final class PostgresSchema {

  /** The advisory lock that orders the stores creating the schema of one database: "actors" and 1. */
  public static final long LOCK = 0x6163746f72730001L;

  /**
   * The statements, after the lock: two stores starting together would race otherwise, as two
   * concurrent {@code CREATE TABLE IF NOT EXISTS} of one table fail one of them (a duplicate in
   * the catalog).
   */
  public static final List<String> STATEMENTS = List.of("SELECT pg_advisory_xact_lock(" + LOCK + ")",
      "CREATE TABLE IF NOT EXISTS actors_journal (persistence_id VARCHAR(255) NOT NULL, sequence_nr BIGINT NOT NULL, "
          + "manifest VARCHAR(255) NOT NULL, payload BYTEA NOT NULL, PRIMARY KEY (persistence_id, sequence_nr))",
      "CREATE TABLE IF NOT EXISTS actors_deleted (persistence_id VARCHAR(255) NOT NULL, to_sequence_nr BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS actors_snapshots (persistence_id VARCHAR(255) NOT NULL, sequence_nr BIGINT NOT NULL, "
          + "manifest VARCHAR(255) NOT NULL, payload BYTEA NOT NULL)",
      "CREATE TABLE IF NOT EXISTS actors_fences (persistence_id VARCHAR(255) PRIMARY KEY, token BIGINT NOT NULL)");

  /**
   * A new writer of persistence id {@code $1}: its fencing token, one more than the last.
   * (SQLite takes the same statement, with {@code ?} for {@code $1}.)
   */
  public static final String FENCE = "INSERT INTO actors_fences (persistence_id, token) VALUES ($1, 1) "
      + "ON CONFLICT (persistence_id) DO UPDATE SET token = actors_fences.token + 1 RETURNING token";

  /**
   * The token of persistence id {@code $1}, locked until the writing transaction ends: a newer
   * writer's {@link #FENCE} waits for it, and then reads what it wrote.
   */
  public static final String FENCE_CHECK = "SELECT token FROM actors_fences WHERE persistence_id = $1 FOR SHARE";

  private PostgresSchema() {
  }
}
