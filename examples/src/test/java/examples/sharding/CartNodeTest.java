package examples.sharding;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two cart nodes clustered on 127.0.0.1 in this JVM, each with its HTTP routes, called with the real WebClient. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CartNodeTest {

  private final List<CartNode.Node> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(node -> node.system().close());
  }

  @Test
  void aCartIsTheSameWhicheverNodeServesTheRequestAndCartsSpreadOverTheNodes(Vertx vertx) throws Exception {
    int first = freePort();
    nodes.add(await(CartNode.start(CartNode.Settings.parse(new String[] {"--port", "" + first, "--http", "0"}))));
    nodes.add(await(CartNode.start(CartNode.Settings.parse(new String[] {"--port", "" + freePort(),
        "--join", "127.0.0.1:" + first, "--http", "0"}))));
    WebClient client = WebClient.create(vertx);

    JsonObject added = post(client, nodes.get(0), "/carts/alice/items", "apples");
    assertThat(added.getJsonArray("items")).isEqualTo(new JsonArray().add("apples"));
    JsonObject again = post(client, nodes.get(1), "/carts/alice/items", "pears");
    assertThat(again.getJsonArray("items")).isEqualTo(new JsonArray().add("apples").add("pears"));
    JsonObject read = get(client, nodes.get(1), "/carts/alice");
    assertThat(read).isEqualTo(again);
    assertThat(read.getString("node")).isEqualTo(added.getString("node"));

    Set<String> hosts = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      hosts.add(post(client, nodes.get(i % 2), "/carts/cart-" + i + "/items", "item").getString("node"));
    }
    assertThat(hosts).as("carts run on both nodes").containsExactlyInAnyOrder(
        nodes.get(0).system().nodeId(), nodes.get(1).system().nodeId());
  }

  @Test
  void aBadArgumentIsNamed() {
    assertThatThrownBy(() -> CartNode.Settings.parse(new String[] {"--htp", "8081"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument '--htp'");
    assertThatThrownBy(() -> CartNode.Settings.parse(new String[] {"--http"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--http needs a value");
  }

  private static JsonObject post(WebClient client, CartNode.Node node, String path, String body) throws Exception {
    return json(client.post(node.server().actualPort(), "127.0.0.1", path).sendBuffer(Buffer.buffer(body)));
  }

  private static JsonObject get(WebClient client, CartNode.Node node, String path) throws Exception {
    return json(client.get(node.server().actualPort(), "127.0.0.1", path).send());
  }

  private static JsonObject json(Future<HttpResponse<Buffer>> response) throws Exception {
    HttpResponse<Buffer> done = await(response);
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    return done.bodyAsJsonObject();
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
