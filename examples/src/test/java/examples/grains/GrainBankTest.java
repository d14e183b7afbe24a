package examples.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.cluster.PartitionOptions;
import actors.grains.GrainTestKit;
import actors.grains.Grains;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.PostgresServer;
import actors.sharding.ClusterSharding;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grain bank on two Hazelcast nodes sharing PostgreSQL, each with its HTTP server, called
 * with the real WebClient: deposits, transfers (made once), interest, refusals; then one node
 * closes and the other answers for every account.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GrainBankTest {

  @Test
  void theBankAnswersOnEveryNodeAndSurvivesTheCloseOfOne(Vertx vertx) throws Exception {
    String postgres = PostgresServer.freshDatabase("grain_bank");
    String cluster = new LoopbackCluster().name;
    ActorSystem first = node(cluster, postgres);
    ActorSystem second = node(cluster, postgres);
    HttpServer firstServer = await(Bank.start(first, 0));
    int a = firstServer.actualPort();
    int b = await(Bank.start(second, 0)).actualPort();
    WebClient client = WebClient.create(vertx);
    try {
      assertThat(post(client, a, "/accounts/alice/deposits", "10000", 200).getLong("balance")).isEqualTo(10_000);
      assertThat(post(client, b, "/accounts/bob/deposits", "500", 200).getLong("balance")).isEqualTo(500);
      String transfer = new JsonObject().put("from", "alice").put("to", "bob").put("cents", 3000).encode();
      assertThat(post(client, b, "/transfers/t-1", transfer, 200).getString("status")).isEqualTo("DONE");
      // Asked again, from the other node: the same outcome, and no money moves twice.
      assertThat(post(client, a, "/transfers/t-1", transfer, 200).getString("status")).isEqualTo("DONE");
      JsonObject refused = post(client, a, "/transfers/t-2",
          new JsonObject().put("from", "bob").put("to", "alice").put("cents", 1_000_000).encode(), 409);
      assertThat(refused.getString("status")).isEqualTo("REFUSED");
      assertThat(refused.getString("reason")).isEqualTo("the balance of bob is 3500, less than 1000000");
      assertThat(post(client, b, "/accounts/alice/withdrawals", "99999", 409).getString("refused"))
          .isEqualTo("the balance of alice is 7000, less than 99999");
      post(client, a, "/accounts/alice/deposits", "ten", 400);
      // A month passes for alice: 0.5% interest.
      await(GrainTestKit.fireReminder(first, Grains.get(first).ref(Account.class, "alice"), AccountGrain.INTEREST));
      for (int port : new int[] {a, b}) {
        assertThat(get(client, port, "/accounts/alice").getLong("balance")).isEqualTo(7035);
        assertThat(get(client, port, "/accounts/bob").getLong("balance")).isEqualTo(3500);
      }

      // The first node closes: the second answers for every account, with its state, and goes on.
      await(ClusterSharding.get(first).leave());
      await(firstServer.close());
      await(first.terminate());
      assertThat(get(client, b, "/accounts/alice").getLong("balance")).isEqualTo(7035);
      assertThat(get(client, b, "/accounts/bob").getLong("balance")).isEqualTo(3500);
      assertThat(post(client, b, "/transfers/t-3",
          new JsonObject().put("from", "bob").put("to", "alice").put("cents", 500).encode(), 200).getString("status"))
          .isEqualTo("DONE");
      assertThat(get(client, b, "/accounts/alice").getLong("balance")).isEqualTo(7535);
    } finally {
      client.close();
      LoopbackCluster.stop(first, second);
    }
  }

  private static ActorSystem node(String cluster, String postgres) throws Exception {
    ActorSystem system = LoopbackCluster.start(cluster, new ActorSystemOptions().setName("grain-bank")
        .addMessagePackage("examples.grains")
        .setPartitionOptions(new PartitionOptions().setLeaseTime(Duration.ofSeconds(5)).setStopMargin(Duration.ofSeconds(1))));
    Persistence.start(system, new PersistenceOptions().setPostgres(postgres));
    return system;
  }

  private static JsonObject post(WebClient client, int port, String path, String body, int status) throws Exception {
    HttpResponse<Buffer> response = await(client.post(port, "127.0.0.1", path).sendBuffer(Buffer.buffer(body)));
    assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  private static JsonObject get(WebClient client, int port, String path) throws Exception {
    HttpResponse<Buffer> response = await(client.get(port, "127.0.0.1", path).send());
    assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
