package benchmarks.persistence;

import actors.persistence.impl.Dialect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite for the JDBC store, to measure it against H2: WAL mode with synchronous NORMAL, which
 * like H2's default survives the death of the process but not a power loss.
 */
final class SqliteDialect implements Dialect {

  @Override
  public String url(Path directory) {
    return "jdbc:sqlite:" + directory.resolve("journal.db").toAbsolutePath();
  }

  @Override
  public List<String> schema() {
    return List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
        "CREATE TABLE IF NOT EXISTS actors_journal (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, "
            + "manifest TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (persistence_id, sequence_nr))",
        "CREATE TABLE IF NOT EXISTS actors_deleted (persistence_id TEXT NOT NULL, to_sequence_nr INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS actors_snapshots (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, "
            + "manifest TEXT NOT NULL, payload BLOB NOT NULL)");
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed");
  }
}
