package actors.persistence.impl;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** An embedded database the JDBC store runs on: how to connect, its schema, how it says "duplicate key". */
public interface Dialect {

  /** The JDBC URL of the database in {@code directory}. */
  String url(Path directory);

  /** The statements that create what is missing, run at every start. */
  List<String> schema();

  /** Whether {@code e} is a violation of the journal's key: a sequence number written already. */
  boolean isDuplicateKey(SQLException e);

  /**
   * SQLite in WAL mode with synchronous NORMAL: the embedded default. A commit reaches the
   * operating system before the write is acknowledged, so a process that dies loses nothing
   * acknowledged (the crash test kills it mid-stream); surviving a power loss needs
   * synchronous FULL, or a server database.
   */
  Dialect SQLITE = new Dialect() {
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

    @Override
    public String toString() {
      return "SQLite";
    }
  };
}
