package examples.persistence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank on a free port with its store in a temporary directory, called with the real WebClient, restarted. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BankTest {

  @TempDir
  Path directory;

  @Test
  void balancesSurviveARestartOfTheApplication(Vertx vertx) throws Exception {
    WebClient client = WebClient.create(vertx);
    Bank.Running first = await(Bank.start(vertx, 0, directory));
    int port = first.server().actualPort();
    assertThat(post(client, port, "/accounts/alice/deposits", "100").getLong("balance")).isEqualTo(100);
    assertThat(post(client, port, "/accounts/alice/withdrawals", "30").getLong("balance")).isEqualTo(70);
    for (int i = 0; i < 120; i++) { // past a snapshot
      post(client, port, "/accounts/bob/deposits", "1");
    }
    HttpResponse<Buffer> refused = await(client.post(port, "127.0.0.1", "/accounts/alice/withdrawals")
        .sendBuffer(Buffer.buffer("500")));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("refused")).isEqualTo("the balance is 70, less than 500");
    HttpResponse<Buffer> bad = await(client.post(port, "127.0.0.1", "/accounts/alice/deposits").sendBuffer(Buffer.buffer("ten")));
    assertThat(bad.statusCode()).isEqualTo(400);
    await(first.server().close());
    await(first.system().terminate());

    Bank.Running second = await(Bank.start(vertx, 0, directory));
    JsonObject alice = get(client, second.server().actualPort(), "/accounts/alice");
    assertThat(alice.getLong("balance")).isEqualTo(70);
    assertThat(alice.getLong("events")).isEqualTo(2);
    assertThat(get(client, second.server().actualPort(), "/accounts/bob").getLong("balance")).isEqualTo(120);
    await(second.server().close());
    await(second.system().terminate());
  }

  private static JsonObject post(WebClient client, int port, String path, String body) throws Exception {
    HttpResponse<Buffer> response = await(client.post(port, "127.0.0.1", path).sendBuffer(Buffer.buffer(body)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject get(WebClient client, int port, String path) throws Exception {
    HttpResponse<Buffer> response = await(client.get(port, "127.0.0.1", path).send());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
