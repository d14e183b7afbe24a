package actors.persistence.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PostgreSQL URI as PostgreSQL's JDBC driver gets it: nothing dropped, nothing injected. */
class DialectTest {

  @Test
  void aPostgresUriKeepsItsQueryParametersAndItsCredentialsGoWholeAsProperties() {
    JdbcTarget target = Dialect.postgres("postgres://app%40ops:p%26ss=w+rd@db.example:5433/bank"
        + "?sslmode=require&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=5&application_name=bank%20api");
    assertThat(target.url()).isEqualTo("jdbc:postgresql://db.example:5433/bank"
        + "?sslmode=require&sslrootcert=%2Fetc%2Fca.pem&connectTimeout=5&ApplicationName=bank+api");
    assertThat(target.properties()).containsEntry("user", "app@ops").containsEntry("password", "p&ss=w+rd").hasSize(2);
    assertThat(target.toString()).doesNotContain("p&ss");
  }

  @Test
  void aPostgresUriWithoutCredentialsOrParametersIsTheBareUrl() {
    JdbcTarget target = Dialect.postgres("postgresql://localhost/bank");
    assertThat(target.url()).isEqualTo("jdbc:postgresql://localhost/bank");
    assertThat(target.properties()).isEmpty();
  }
}
