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
   * H2 (MVStore), a file database in the directory: the embedded default. A commit reaches the
   * operating system before the write is acknowledged, so a process that dies loses nothing
   * acknowledged; surviving a power loss needs a database that syncs every commit.
   */
  Dialect H2 = new Dialect() {
    @Override
    public String url(Path directory) {
      // WRITE_DELAY=0: the commit is written before it returns; by default H2 waits up to 500 ms,
      // and a process killed meanwhile loses commits it acknowledged (the crash test saw it).
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

    @Override
    public String toString() {
      return "H2";
    }
  };
}
