package actors.persistence;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which PostgreSQL store {@code setPostgres} takes: the JDBC one in this module (PostgreSQL's
 * driver on the class path), the reactive one where {@code actors-vertx-postgres} is (its build
 * runs this test again, saying so with {@code persistence.expected.store}). The server tells:
 * the reactive store's sessions are named {@code actors-vertx}, the JDBC driver's its own. Both
 * keep the same tables: what the JDBC store wrote, the one in use reads and goes on from.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresStoreTest {

  private static final String EXPECTED = System.getProperty("persistence.expected.store", "jdbc");

  @Test
  void setPostgresTakesTheStoreTheClassPathOffers() throws Exception {
    String database = "which_" + UUID.randomUUID().toString().replace("-", "");
    String uri = PostgresServer.freshDatabase(database);
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("pg-which").addMessagePackage("actors.persistence"))) {
      Persistence.start(system, new PersistenceOptions().setPostgres(uri));
      ActorRef account = system.actorOf(Account.props("which"));
      await(account.ask(new Account.Deposit(7)));
      try (Connection admin = actors.persistence.impl.Dialect.postgres(uri.replace(database, "postgres")).connect()) {
        assertThat(applicationsConnectedTo(admin, database)).as("the sessions on " + database)
            .isNotEmpty().allMatch(EXPECTED.equals("reactive") ? "actors-vertx"::equals : "PostgreSQL JDBC Driver"::equals);
      }
    }
  }

  @Test
  void bothStoresKeepTheSameTablesSoADatabaseMovesFromTheJdbcStoreToTheOneInUse() throws Exception {
    String uri = PostgresServer.freshDatabase("moved_" + UUID.randomUUID().toString().replace("-", ""));
    try (ActorSystem before = ActorSystem.create(new ActorSystemOptions().setName("pg-before").addMessagePackage("actors.persistence"))) {
      actors.persistence.impl.JdbcStore jdbc = await(actors.persistence.impl.JdbcStore.open(before.vertx(),
          actors.persistence.impl.Dialect.POSTGRES, actors.persistence.impl.Dialect.postgres(uri), "pg-before"));
      Persistence.start(before, new PersistenceOptions().setStore(jdbc));
      await(before.actorOf(Account.props("moved")).ask(new Account.Deposit(5)));
      await(before.actorOf(Account.props("moved-too")).ask(new Account.Deposit(1)));
      await(jdbc.close());
    }
    try (ActorSystem after = ActorSystem.create(new ActorSystemOptions().setName("pg-after").addMessagePackage("actors.persistence"))) {
      Persistence.start(after, new PersistenceOptions().setPostgres(uri));
      ActorRef moved = after.actorOf(Account.props("moved"));
      await(moved.ask(new Account.Deposit(2)));
      Account.State state = await(moved.ask(Account.Query.STATE));
      assertThat(state.balance()).isEqualTo(7);
      assertThat(state.lastSequenceNr()).isEqualTo(2);
    }
  }

  @Test
  void aUriParameterTheStoreDoesNotUnderstandIsRefusedAtStart() throws Exception {
    String uri = PostgresServer.freshDatabase("odd_" + UUID.randomUUID().toString().replace("-", ""));
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("pg-odd"))) {
      PersistenceOptions options = new PersistenceOptions().setPostgres(uri + "?sslmode=disable&socketTimeout=5");
      if (EXPECTED.equals("reactive")) {
        assertThatThrownBy(() -> Persistence.start(system, options)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'socketTimeout'");
      } else {
        // PostgreSQL's JDBC driver takes its own parameters (socketTimeout is one).
        await(Persistence.start(system, options).ready());
      }
    }
  }

  @Test
  void withNeitherClientThePersistenceFailsAtStartNamingBoth() throws Exception {
    // This JVM's class path without PostgreSQL's JDBC driver and without actors-vertx-postgres.
    String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !java.nio.file.Path.of(entry).getFileName().toString().startsWith("postgresql-")
            && !entry.contains("actors-vertx-postgres"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    Process jvm = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, NoPostgresClient.class.getName()).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("FAILED the PostgreSQL store needs a client: add "
        + "io.github.actorsvertx:actors-vertx-postgres (the reactive store), or org.postgresql:postgresql (JDBC)");
  }

  private static List<String> applicationsConnectedTo(Connection admin, String database) throws Exception {
    try (PreparedStatement select = admin.prepareStatement("SELECT application_name FROM pg_stat_activity WHERE datname = ?")) {
      select.setString(1, database);
      try (ResultSet rows = select.executeQuery()) {
        List<String> names = new ArrayList<>();
        while (rows.next()) {
          names.add(rows.getString(1));
        }
        return names;
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
