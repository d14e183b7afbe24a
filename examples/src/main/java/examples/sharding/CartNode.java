package examples.sharding;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import examples.cluster.LoopbackHazelcast;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Shopping carts sharded over a Vert.x cluster, behind the same HTTP routes on every node: a
 * request to any node reaches the one cart of its id, wherever it runs. Start two nodes (each in
 * its own terminal):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=examples.sharding.CartNode -Dexec.args="--port 5701 --http 8081"
 * mvn -B -q -pl examples exec:java -Dexec.mainClass=examples.sharding.CartNode -Dexec.args="--port 5702 --join 127.0.0.1:5701 --http 8082"
 * curl -X POST --data 'apples' localhost:8081/carts/alice/items
 * curl localhost:8082/carts/alice
 * </pre>
 */
public final class CartNode {

  /** How long a cart may stay idle before it stops (and forgets its items). */
  static final Duration PASSIVATE_AFTER = Duration.ofMinutes(10);

  private CartNode() {
  }

  /** Where the node listens: its Hazelcast port, the members to join, its HTTP port. */
  public record Settings(int port, List<String> join, int http) {

    static Settings parse(String[] args) {
      int port = 5701;
      int http = 8081;
      List<String> join = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--join" -> join.add(args[++i]);
          case "--http" -> http = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument '" + args[i]
              + "'; usage: [--port 5701] [--join host:port]... [--http 8081]");
        }
      }
      return new Settings(port, List.copyOf(join), http);
    }
  }

  /** A running node: its actor system and its HTTP server. */
  public record Node(ActorSystem system, HttpServer server) {
  }

  // tag::start[]
  /** Joins the cluster, hosts carts, and serves them over HTTP. */
  public static Future<Node> start(Settings settings) {
    VertxOptions vertxOptions = new VertxOptions();
    vertxOptions.getEventBusOptions().setHost("127.0.0.1");
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(
        LoopbackHazelcast.config("actors-vertx-carts", settings.port(), settings.join()));
    return ActorSystem.clustered(vertxOptions, clusterManager, new ActorSystemOptions().setName("carts")
            .setClusterSecurity(LoopbackHazelcast.security()))
        .compose(system -> ClusterSharding.get(system)
            .start("cart", id -> Props.create(() -> new Cart(id)),
                new ShardingOptions().setPassivateAfter(PASSIVATE_AFTER))
            .compose(started -> system.vertx().createHttpServer().requestHandler(router(system))
                .listen(settings.http(), "127.0.0.1"))
            .map(server -> new Node(system, server)));
  }

  /** POST /carts/:id/items adds the body as an item; GET /carts/:id shows the cart. */
  static Router router(ActorSystem system) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Router router = Router.router(system.vertx());
    router.post("/carts/:id/items").handler(BodyHandler.create().setBodyLimit(1024));
    router.post("/carts/:id/items").handler(ctx ->
        sharding.entityRef("cart", ctx.pathParam("id"))
            .<JsonObject>ask(new JsonObject().put("add", ctx.body().asString()))
            .onSuccess(cart -> ctx.json(cart))
            .onFailure(ctx::fail));
    router.get("/carts/:id").handler(ctx ->
        sharding.entityRef("cart", ctx.pathParam("id"))
            .<JsonObject>ask(new JsonObject().put("get", true))
            .onSuccess(cart -> ctx.json(cart))
            .onFailure(ctx::fail));
    return router;
  }
  // end::start[]

  public static void main(String[] args) {
    Settings settings = Settings.parse(args);
    start(settings).onSuccess(node -> System.out.println("node " + node.system().nodeId() + " serves carts on http://127.0.0.1:"
            + node.server().actualPort() + "/carts/:id (POST /carts/:id/items, GET /carts/:id); Ctrl-C stops"))
        .onFailure(failure -> {
          System.err.println("Could not start: " + failure);
          System.exit(1);
        });
  }
}
