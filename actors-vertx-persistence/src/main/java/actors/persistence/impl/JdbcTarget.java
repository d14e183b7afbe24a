package actors.persistence.impl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the JDBC store connects: a JDBC URL without credentials, and the properties the driver
 * gets beside it (user and password, never appended to the URL).
 */
public record JdbcTarget(String url, Properties properties) {

  /** The database at {@code url}, whose driver needs no properties. */
  public static JdbcTarget of(String url) {
    return new JdbcTarget(url, new Properties());
  }

  /** A new connection to it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public String toString() {
    return url; // the properties hold the password
  }
}
