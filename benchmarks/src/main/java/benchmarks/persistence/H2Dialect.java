package benchmarks.persistence;

import actors.persistence.impl.Dialect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * H2 (MVStore) for the JDBC store, to measure it against SQLite, the default. WRITE_DELAY=0: by
 * default H2 acknowledges a commit up to 500 ms before it writes it, and a process killed
 * meanwhile loses commits it acknowledged (the crash test saw it); with 0 it survives the death
 * of the process, as SQLite's WAL with synchronous NORMAL does.
 */
final class H2Dialect implements Dialect {

  /** The JDBC URL of the H2 database in {@code directory}. */
  static String url(Path directory) {
    return "jdbc:h2:" + directory.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0";
  }

  @Override
  public List<String> schema() {
    return List.of(
        "CREATE TABLE IF NOT EXISTS actors_journal (persistence_id VARCHAR(255) NOT NULL, sequence_nr BIGINT NOT NULL, "
            + "manifest VARCHAR(255) NOT NULL, payload VARBINARY NOT NULL, PRIMARY KEY (persistence_id, sequence_nr))",
        "CREATE TABLE IF NOT EXISTS actors_deleted (persistence_id VARCHAR(255) NOT NULL, to_sequence_nr BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS actors_snapshots (persistence_id VARCHAR(255) NOT NULL, sequence_nr BIGINT NOT NULL, "
            + "manifest VARCHAR(255) NOT NULL, payload VARBINARY NOT NULL)");
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
