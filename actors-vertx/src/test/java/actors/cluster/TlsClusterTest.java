package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production set-up of the manual's trust model: the clustered event bus with TLS and
 * client authentication, a certificate generated for the test with the JDK's keytool. Actors
 * on two nodes talk over it as over a plain bus; a node without the certificate, though a
 * member of the same cluster, reaches none of them.
 */
class TlsClusterTest {

  private static final String PASSWORD = "actors-test";
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static ActorSystem a;
  private static ActorSystem b;

  @BeforeAll
  static void startNodes(@TempDir Path directory) throws Exception {
    Path keyStore = directory.resolve("node.p12");
    Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
    a = start(keyStore);
    b = start(keyStore);
  }

  private static ActorSystem start(Path keyStore) throws Exception {
    VertxOptions vertxOptions = new VertxOptions();
    PfxOptions store = new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD);
    vertxOptions.getEventBusOptions().setSsl(true).setKeyCertOptions(store).setTrustOptions(store)
        .setClientAuth(ClientAuth.REQUIRED);
    return LoopbackCluster.start(CLUSTER.name, vertxOptions,
        new ActorSystemOptions().setName("tls-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport"));
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  @Test
  void actorsTalkAcrossTheEncryptedEventBus() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "tls-echo");
    ActorRef remote = a.resolve(b.addressOf(echo));
    Object reply = remote.ask(new ClusterActors.Greeting("over TLS")).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(reply).isEqualTo(new ClusterActors.Greeting("over TLS"));
  }

  @Test
  void aNodeWithoutTheCertificateReachesNoActor() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "tls-guarded");
    // A member of the same Hazelcast cluster, but its event bus speaks plain TCP.
    ActorSystem outsider = LoopbackCluster.start(CLUSTER.name,
        LoopbackCluster.insecure(new ActorSystemOptions().setName("tls-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")));
    try {
      ActorRef guarded = outsider.resolve(b.addressOf(echo));
      assertThatThrownBy(() -> guarded.ask("let me in", Duration.ofSeconds(2)).toCompletionStage()
          .toCompletableFuture().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(AskTimeoutException.class);
    } finally {
      LoopbackCluster.stop(outsider);
    }
  }
}
