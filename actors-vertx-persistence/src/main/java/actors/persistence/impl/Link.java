package actors.persistence.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection of the JDBC store, used by one thread: opened on first use, creating the
 * tables that are missing, and opened again when a failure has left it broken.
 */
final class Link {
  private final Dialect dialect;
  private final JdbcTarget target;
  private final boolean transactional;
  private Connection connection;
  private boolean suspect;

  Link(Dialect dialect, JdbcTarget target, boolean transactional) {
    this.dialect = dialect;
    this.target = target;
    this.transactional = transactional;
  }

  Connection get() throws SQLException {
    if (connection != null && suspect && !connection.isValid(2)) {
      close();
    }
    suspect = false;
    if (connection == null) {
      Connection opened = target.connect();
      createTables(opened); // whichever connects first finds the tables there
      opened.setAutoCommit(!transactional);
      connection = opened;
    }
    return connection;
  }

  /** An operation failed: the connection is checked before the next one. */
  void failed() {
    suspect = true;
  }

  /** Rolls back what the failed transaction wrote, if the connection still can. */
  void rollback() {
    try {
      if (connection != null) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The connection is broken: the next operation fails and says so.
    }
  }

  void close() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // Broken already.
    }
    connection = null;
  }

  /**
   * Creates what is missing. Nodes that start together race: PostgreSQL's schema runs as one
   * transaction behind an advisory lock, so the later ones find the tables; a failure is tried
   * again twice.
   */
  private void createTables(Connection opened) throws SQLException {
    boolean oneTransaction = dialect.schemaInOneTransaction();
    opened.setAutoCommit(!oneTransaction);
    for (int attempt = 1; ; attempt++) {
      try (Statement statement = opened.createStatement()) {
        for (String ddl : dialect.schema()) {
          statement.execute(ddl);
        }
        if (oneTransaction) {
          opened.commit();
        }
        return;
      } catch (SQLException e) {
        if (oneTransaction) {
          opened.rollback();
        }
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
