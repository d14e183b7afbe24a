package actors.persistence;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Persistent actors on a real PostgreSQL server that the tests start on loopback, through the
 * store the class path offers: the JDBC one here, the reactive one in actors-vertx-postgres, which
 * runs these tests again ({@link PostgresStoreTest} checks which).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PgStoreTest {

  private final List<ActorSystem> systems = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ActorSystem system : systems) {
      await(system.terminate());
    }
  }

  private ActorSystem start(Vertx vertx, String uri) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("pg-test-" + systems.size())
        .addMessagePackage("actors.persistence"));
    Persistence.start(system, new PersistenceOptions().setPostgres(uri));
    systems.add(system);
    return system;
  }

  @Test
  void manyActorsPersistAtOnceAndRecoverInAnotherSystem(Vertx vertx) throws Exception {
    String uri = PostgresServer.freshDatabase("many_" + UUID.randomUUID().toString().replace("-", ""));
    ActorSystem first = start(vertx, uri);
    List<ActorRef> accounts = new ArrayList<>();
    for (int a = 0; a < 100; a++) {
      accounts.add(first.actorOf(Account.props("account-" + a)));
    }
    List<Future<Object>> deposits = new ArrayList<>();
    for (int round = 1; round <= 20; round++) {
      for (ActorRef account : accounts) {
        deposits.add(account.ask(new Account.Deposit(round)));
      }
    }
    await(Future.all(deposits));
    await(first.terminate());
    systems.remove(first);

    ActorSystem second = start(vertx, uri);
    for (int a = 0; a < 100; a++) {
      Account.State state = await(second.actorOf(Account.props("account-" + a)).ask(Account.Query.STATE));
      assertThat(state.balance()).isEqualTo(210);
      assertThat(state.lastSequenceNr()).isEqualTo(20);
    }
  }

  @Test
  void theStoreKeepsOrderRefusesASecondWriterAndKeepsNumberingAfterADelete(Vertx vertx) throws Exception {
    String uri = PostgresServer.freshDatabase("contract_" + UUID.randomUUID().toString().replace("-", ""));
    ActorSystem system = start(vertx, uri);
    Persistence persistence = Persistence.get(system);
    EventJournal journal = persistence.journal();
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      events.add(new StoredEvent("p", i, Account.Deposited.class.getName(), persistence.encode(new Account.Deposited(i))));
    }
    await(journal.append(events));
    Future<Void> good = journal.append(List.of(new StoredEvent("q", 1, "x", new byte[] {1})));
    Future<Void> twice = journal.append(List.of(new StoredEvent("p", 10, "x", new byte[] {2})));
    await(good);
    assertThatThrownBy(() -> await(twice)).hasCauseInstanceOf(PersistenceFailureException.class)
        .hasMessageContaining("refused events 10 to 10 of p").hasMessageContaining("by another incarnation");
    assertThat(await(journal.read("p", 4, 3))).extracting(StoredEvent::sequenceNr).containsExactly(4L, 5L, 6L);
    // All or none: an append refused for its last event leaves its first unwritten.
    await(journal.append(List.of(new StoredEvent("r", 3, "x", new byte[] {3}))));
    assertThatThrownBy(() -> await(journal.append(List.of(new StoredEvent("r", 2, "x", new byte[] {2}),
        new StoredEvent("r", 3, "x", new byte[] {4}))))).hasMessageContaining("refused events 2 to 3 of r");
    assertThat(await(journal.read("r", 1, 10))).extracting(StoredEvent::sequenceNr).containsExactly(3L);
    await(journal.deleteTo("p", 10));
    assertThat(await(journal.read("p", 1, 100))).isEmpty();
    assertThat(await(journal.highestSequenceNr("p"))).isEqualTo(10);
    await(persistence.snapshotStore().save(new StoredSnapshot("p", 10, "x", new byte[] {3})));
    assertThat(await(persistence.snapshotStore().latest("p")).sequenceNr()).isEqualTo(10);
    assertThat((Object) await(persistence.snapshotStore().latest("nobody"))).isNull();
  }

  @Test
  void theStoreFencesOffAnOlderWriterOfAPersistenceId(Vertx vertx) throws Exception {
    String uri = PostgresServer.freshDatabase("fence_" + UUID.randomUUID().toString().replace("-", ""));
    FencingContract.check(Persistence.get(start(vertx, uri)).journal());
  }

  @Test
  void writesOfOneIdKeepTheirOrderAcrossTheWriteConnections(Vertx vertx) throws Exception {
    String uri = PostgresServer.freshDatabase("order_" + UUID.randomUUID().toString().replace("-", ""));
    EventJournal journal = Persistence.get(start(vertx, uri)).journal();
    List<Future<Void>> appends = new ArrayList<>();
    for (int sequenceNr = 1; sequenceNr <= 500; sequenceNr++) { // nobody waits: only the store keeps the order
      appends.add(journal.append(List.of(new StoredEvent("solo", sequenceNr, "x", new byte[4096]))));
    }
    Future<Void> deleted = journal.deleteTo("solo", 450); // behind the appends, though other connections are idle
    await(Future.all(appends));
    await(deleted);
    assertThat(await(journal.read("solo", 1, 1000))).extracting(StoredEvent::sequenceNr)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(451, 500).boxed().toList());
  }

  @Test
  void aUriThatRequiresTlsReachesTheDriverAndAServerWithoutTlsRefusesIt(Vertx vertx) throws Exception {
    String database = "tls_" + UUID.randomUUID().toString().replace("-", "");
    String uri = PostgresServer.freshDatabase(database);
    ActorSystem plain = start(vertx, uri + "?application_name=actors-test");
    assertThat(await(plain.actorOf(Account.props("plain")).<Long>ask(new Account.Deposit(2)))).isEqualTo(2);
    ActorSystem encrypted = start(vertx, uri + "?sslmode=require");
    assertThatThrownBy(() -> await(Persistence.get(encrypted).journal().highestSequenceNr("plain")))
        .hasMessageContaining("SSL");
  }

  @Test
  void aUriThatVerifiesTheServersCertificateConnectsEncryptedToAServerWithTls(Vertx vertx, @TempDir java.nio.file.Path keys)
      throws Exception {
    java.nio.file.Path certificate = keys.resolve("server.crt");
    java.nio.file.Path key = keys.resolve("server.key");
    selfSignedCertificateForLocalhost(keys, certificate, key);
    try (EmbeddedPostgres tls = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", certificate.toString()).setServerConfig("ssl_key_file", key.toString()).start()) {
      String uri = "postgresql://postgres@localhost:" + tls.getPort() + "/postgres?sslmode=verify-full&sslrootcert="
          + java.net.URLEncoder.encode(certificate.toString(), java.nio.charset.StandardCharsets.UTF_8);
      ActorSystem system = start(vertx, uri);
      assertThat(await(system.actorOf(Account.props("encrypted")).<Long>ask(new Account.Deposit(3)))).isEqualTo(3);
      try (java.sql.Connection connection = actors.persistence.impl.Dialect.postgres(uri).connect();
           java.sql.ResultSet ssl = connection.createStatement().executeQuery(
               "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
        assertThat(ssl.next() && ssl.getBoolean(1)).as("the connection is encrypted").isTrue();
      }
      await(system.terminate());
      systems.remove(system);
    }
  }

  /** A key pair and a certificate for localhost, made by the JDK's keytool, written as PEM files for PostgreSQL. */
  private static void selfSignedCertificateForLocalhost(java.nio.file.Path directory, java.nio.file.Path certificate,
                                                        java.nio.file.Path key) throws Exception {
    java.nio.file.Path store = directory.resolve("server.p12");
    Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
    assertThat(keytool.waitFor()).as("keytool").isZero();
    java.security.KeyStore keyStore = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(store)) {
      keyStore.load(in, "changeit".toCharArray());
    }
    java.util.Base64.Encoder pem = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    java.nio.file.Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
        + pem.encodeToString(keyStore.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n");
    java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + pem.encodeToString(keyStore.getKey("server", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void anOwnedVertxClosesOnlyAfterTheStoreClosedItsConnections() throws Exception {
    String database = "owned_" + UUID.randomUUID().toString().replace("-", "");
    String uri = PostgresServer.freshDatabase(database);
    ActorSystem owning = ActorSystem.create(new ActorSystemOptions().setName("pg-owned").addMessagePackage("actors.persistence"));
    Persistence.start(owning, new PersistenceOptions().setPostgres(uri));
    ActorRef account = owning.actorOf(Account.props("owned"));
    await(account.ask(new Account.Deposit(5))); // the writer's connection
    await(account.ask(Account.Query.STATE));
    try (java.sql.Connection admin = actors.persistence.impl.Dialect.postgres(uri.replace(database, "postgres")).connect()) {
      assertThat(connectionsTo(admin, database)).isPositive();
      await(owning.terminate());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (connectionsTo(admin, database) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10); // polls: the server ends a backend shortly after its client said goodbye
      }
      assertThat(connectionsTo(admin, database)).as("connections left open to " + database).isZero();
    }
  }

  private static long connectionsTo(java.sql.Connection admin, String database) throws Exception {
    try (java.sql.PreparedStatement count = admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
      count.setString(1, database);
      try (java.sql.ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void aBadUriIsRefusedAtTheCall() {
    assertThatThrownBy(() -> new PersistenceOptions().setPostgres("jdbc:postgresql://u:secret@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a PostgreSQL URI starts with postgresql:// or postgres://, was jdbc:postgresql://u:***@h/db");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
