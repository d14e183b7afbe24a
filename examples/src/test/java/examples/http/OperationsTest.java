package examples.http;

import actors.ActorSystem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as its main runs it, with metrics on: /metrics for Prometheus and /health. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OperationsTest {

  private Vertx vertx;
  private ActorSystem system;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = KeyValueApp.newVertx();
    system = KeyValueApp.newSystem(vertx);
    HttpServer server = await(KeyValueApp.start(vertx, system, 0, KeyValueApp.SLOW_TIMEOUT));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.actualPort()));
  }

  @AfterEach
  void stop() throws Exception {
    await(system.terminate());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void prometheusSeesTheActorsAndVertxInOneScrape() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(await(client.post("/counter").send()).statusCode()).isEqualTo(200);
    }
    String scrape = await(client.get("/metrics").send()).bodyAsString();
    // The three increments (the counter is an actor verticle: its actor class is Counter).
    assertThat(scrape).containsPattern(
        "actors_messages_processed_seconds_count\\{actor=\"examples\\.http\\.Counter\",system=\"key-value\"} 3(\\.0)?\\n");
    assertThat(scrape).contains("actors_live{actor=\"examples.http.Counter\",system=\"key-value\"} 1");
    assertThat(scrape).contains("actors_asks_seconds_count{outcome=\"answered\",system=\"key-value\"}");
    assertThat(scrape).contains("vertx_http_server_requests_total");
  }

  @Test
  void healthIsUpWhileTheSystemRunsAndDownOnceItTerminated() throws Exception {
    HttpResponse<?> up = await(client.get("/health").send());
    assertThat(up.statusCode()).isEqualTo(200);
    JsonObject check = up.bodyAsJsonObject().getJsonArray("checks").getJsonObject(0);
    assertThat(check.getString("id")).isEqualTo("actors");
    assertThat(check.getString("status")).isEqualTo("UP");
    assertThat(check.getJsonObject("data").getString("state")).isEqualTo("up");
    await(system.terminate());
    HttpResponse<?> down = await(client.get("/health").send());
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getString("outcome")).isEqualTo("DOWN");
  }
}
