package examples.http;

import actors.ActorSystem;
import actors.testkit.ActorSystemExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real app on a free port, called with the real Vert.x WebClient. */
@ExtendWith({VertxExtension.class, ActorSystemExtension.class})
class KeyValueAppTest {

  private int port;
  private WebClient client;

  @BeforeEach
  void startApp(Vertx vertx, ActorSystem system, VertxTestContext test) {
    KeyValueApp.start(vertx, system, 0, Duration.ofMillis(300)).onComplete(test.succeeding(server -> {
      port = server.actualPort();
      client = newClient(vertx);
      test.completeNow();
    }));
  }

  private WebClient newClient(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
  }

  @Test
  void putThenGetReturnsTheValueAndAnAbsentKeyIs404(VertxTestContext test) {
    client.put("/kv/greeting").sendBuffer(Buffer.buffer("hello"))
        .compose(created -> {
          test.verify(() -> assertThat(created.statusCode()).isEqualTo(201));
          return client.put("/kv/greeting").sendBuffer(Buffer.buffer("bonjour"));
        })
        .compose(replaced -> {
          test.verify(() -> assertThat(replaced.statusCode()).isEqualTo(204));
          return client.get("/kv/greeting").send();
        })
        .compose(found -> {
          test.verify(() -> {
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.bodyAsString()).isEqualTo("bonjour");
          });
          return client.get("/kv/nothing-here").send();
        })
        .onComplete(test.succeeding(missing -> test.verify(() -> {
          assertThat(missing.statusCode()).isEqualTo(404);
          assertThat(missing.getHeader("content-type")).isEqualTo("application/json");
          assertThat(missing.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "no value under key 'nothing-here'"));
          test.completeNow();
        })));
  }

  @Test
  void theCounterCounts(VertxTestContext test) {
    client.post("/counter").send()
        .compose(one -> client.post("/counter").send())
        .compose(two -> client.get("/counter").send())
        .onComplete(test.succeeding(read -> test.verify(() -> {
          assertThat(read.bodyAsJsonObject()).isEqualTo(new JsonObject().put("count", 2));
          test.completeNow();
        })));
  }

  @Test
  void theCounterAnswersOnTheEventBusToo(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<Counter.Count>request("counter", Counter.Increment.INSTANCE)
        .compose(one -> client.post("/counter").send())
        .onComplete(test.succeeding(two -> test.verify(() -> {
          assertThat(two.bodyAsJsonObject()).isEqualTo(new JsonObject().put("count", 2));
          test.completeNow();
        })));
  }

  @Test
  void aSlowAnswerWithinTheTimeoutIs200AndPastItIs503WithAJsonError(VertxTestContext test) {
    client.get("/slow").addQueryParam("ms", "10").send()
        .compose(quick -> {
          test.verify(() -> {
            assertThat(quick.statusCode()).isEqualTo(200);
            assertThat(quick.bodyAsJsonObject()).isEqualTo(new JsonObject().put("done", 10));
          });
          return client.get("/slow").addQueryParam("ms", "2000").send();
        })
        .onComplete(test.succeeding(late -> test.verify(() -> {
          assertThat(late.statusCode()).isEqualTo(503);
          assertThat(late.bodyAsJsonObject())
              .isEqualTo(new JsonObject().put("error", "the slow service did not answer within 300 ms"));
          test.completeNow();
        })));
  }

  @Test
  void aSlowRequestWithoutANumberIs400(VertxTestContext test) {
    client.get("/slow").addQueryParam("ms", "soon").send().onComplete(test.succeeding(bad -> test.verify(() -> {
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.bodyAsJsonObject()).isEqualTo(
          new JsonObject().put("error", "query parameter ms must be a number of milliseconds, was soon"));
      test.completeNow();
    })));
  }

  @Test
  void aThousandPutGetPairsFromFiftyConcurrentClientsAreAllAnsweredCorrectly(Vertx vertx, VertxTestContext test) {
    int clients = 50;
    int pairsPerClient = 20;
    List<Future<Integer>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      // A client of its own: its own connections, as 50 separate callers would have.
      WebClient own = newClient(vertx);
      Future<Integer> chain = Future.succeededFuture(0);
      for (int i = 0; i < pairsPerClient; i++) {
        String key = "client-" + c + "-key-" + i;
        String value = "value of " + key;
        chain = chain.compose(correct -> own.put("/kv/" + key).sendBuffer(Buffer.buffer(value))
            .compose(stored -> own.get("/kv/" + key).send())
            .map(read -> correct + (isOk(read, value) ? 1 : 0)));
      }
      done.add(chain.andThen(finished -> own.close()));
    }
    Future.all(done).onComplete(test.succeeding(all -> test.verify(() -> {
      int correct = done.stream().mapToInt(Future::result).sum();
      assertThat(correct).isEqualTo(clients * pairsPerClient);
      test.completeNow();
    })));
  }

  private static boolean isOk(HttpResponse<Buffer> read, String expected) {
    return read.statusCode() == 200 && expected.equals(read.bodyAsString());
  }
}
