package actors.persistence.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A PostgreSQL URI as PostgreSQL's JDBC driver gets it: nothing dropped, nothing injected. */
class DialectTest {

  @Test
  void aPostgresUriKeepsItsQueryParametersAndItsCredentialsStayWhole() {
    String url = Dialect.postgresUrl("postgres://app%40ops:p%26ss=w@db.example:5433/bank"
        + "?sslmode=require&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=5&application_name=bank%20api");
    assertThat(url).startsWith("jdbc:postgresql://db.example:5433/bank?")
        .contains("user=app%40ops")
        .contains("password=p%26ss%3Dw") // the & and = stay in the password: no parameter of their own
        .contains("&sslmode=require").contains("&sslrootcert=%2Fetc%2Fca.pem")
        .contains("&connectTimeout=5").contains("&ApplicationName=bank+api")
        .doesNotContain("&ss=");
  }

  @Test
  void aPostgresUriWithoutCredentialsOrParametersIsTheBareUrl() {
    assertThat(Dialect.postgresUrl("postgresql://localhost/bank")).isEqualTo("jdbc:postgresql://localhost/bank");
  }
}
