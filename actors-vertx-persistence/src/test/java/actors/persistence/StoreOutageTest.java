package actors.persistence;

import actors.Actor;
import actors.ActorInitializationException;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Directive;
import actors.Props;
import actors.SupervisorStrategy;
import actors.event.ActorFailed;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL down when the system starts, and gone in the middle of a run: persists and
 * recoveries fail to the supervisor (here restarting with back-off), nothing is acknowledged
 * that was not stored, and once the server is back the store reconnects and the actor serves
 * again with its history whole.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StoreOutageTest {

  @TempDir
  Path data;

  private ActorSystem system;
  private EmbeddedPostgres server;

  @AfterEach
  void stop() throws Exception {
    if (system != null) {
      system.terminate().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  /** Restarts its account on any failure, waiting 100 ms to 1 s between restarts. */
  static final class Supervisor extends Actor {
    private final ActorRef account;

    Supervisor(ActorRef reportTo) {
      this.account = context().actorOf(Account.props("outage", reportTo), "account");
    }

    @Override
    public SupervisorStrategy supervisorStrategy() {
      return SupervisorStrategy.oneForOne(-1, Duration.ofMinutes(1), failure -> Directive.RESTART)
          .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0);
    }

    @Override
    protected void receive(Object message) {
      account.forward(message, context());
    }
  }

  @Test
  void aDatabaseDownAtStartOrGoneMidRunFailsToTheSupervisorAndServesAgainOnceBack(Vertx vertx) throws Exception {
    int port = freePort();
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("outage").addMessagePackage("actors.persistence"));
    Persistence.start(system, new PersistenceOptions().setPostgres("postgresql://postgres@localhost:" + port + "/postgres"));
    TestProbe failures = new TestProbe(system, Duration.ofSeconds(20));
    system.eventStream().subscribe(failures.ref(), ActorFailed.class);
    TestProbe recovered = new TestProbe(system, Duration.ofSeconds(60));
    ActorRef bank = system.actorOf(Props.create(() -> new Supervisor(recovered.ref())));

    // Down at start: recovery fails, to the supervisor, with the cause.
    assertThat(failures.expectMsgClass(ActorFailed.class).cause()).isInstanceOf(ActorInitializationException.class)
        .cause().isInstanceOf(PersistenceFailureException.class).hasMessageContaining("recovery of outage failed");
    Future<Object> early = bank.ask(new Account.Deposit(5), Duration.ofSeconds(60));

    server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    assertThat(recovered.expectMsgClass(Long.class)).isZero(); // back: recovered an empty history
    assertThat(await(early)).as("the deposit that waited").isEqualTo(5L);
    assertThat(await(bank.<Long>ask(new Account.Deposit(1)))).isEqualTo(6);

    server.close(); // gone mid-run
    server = null;
    Future<Object> lost = bank.ask(new Account.Deposit(100), Duration.ofSeconds(3));
    assertThat(lost.toCompletionStage().toCompletableFuture().handle((answer, error) -> error).get(10, TimeUnit.SECONDS))
        .as("not acknowledged: it was not stored").isNotNull();

    server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    long after = recovered.expectMsgClass(Long.class);
    assertThat(after).as("what was stored before the outage, and nothing of what failed").isEqualTo(2);
    assertThat(await(bank.<Long>ask(new Account.Deposit(10)))).isEqualTo(16);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
