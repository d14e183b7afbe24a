package examples.persistence;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Event-sourced bank accounts behind HTTP routes; they keep their balances across a restart of
 * the application. The accounts are sharded entities (on one node here), stopped after a minute
 * without a message and recovered from their events on the next. Run it with
 * {@code mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=examples.persistence.Bank}
 * (port 8083, data in {@code actors-data/bank}; {@code -Dexec.args="9090 /tmp/bank"} for others):
 * <pre>
 * curl -X POST --data 100 localhost:8083/accounts/alice/deposits
 * curl -X POST --data 30 localhost:8083/accounts/alice/withdrawals
 * curl localhost:8083/accounts/alice
 * </pre>
 */
public final class Bank {

  /** The default port: {@value}. */
  public static final int DEFAULT_PORT = 8083;

  private Bank() {
  }

  /** The running bank: its actor system and its HTTP server. */
  public record Running(ActorSystem system, HttpServer server) {
  }

  // tag::start[]
  /** Opens the store in {@code directory}, starts the accounts, serves them on {@code port}. */
  public static Future<Running> start(Vertx vertx, int port, Path directory) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("bank")
        .addMessagePackage("examples.persistence")); // the events and snapshots it may read back
    Persistence.start(system, new PersistenceOptions().setDirectory(directory));
    return ClusterSharding.get(system)
        .start("account", id -> Props.create(() -> new Account(id)),
            new ShardingOptions().setPassivateAfter(Duration.ofMinutes(1)))
        .compose(started -> vertx.createHttpServer().requestHandler(router(system)).listen(port, "127.0.0.1"))
        .map(server -> new Running(system, server));
  }
  // end::start[]

  static Router router(ActorSystem system) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Router router = Router.router(system.vertx());
    router.post("/accounts/:id/*").handler(BodyHandler.create().setBodyLimit(64));
    router.post("/accounts/:id/deposits").handler(ctx -> amount(ctx, amount ->
        ask(ctx, sharding, new Account.Deposit(amount))));
    router.post("/accounts/:id/withdrawals").handler(ctx -> amount(ctx, amount ->
        ask(ctx, sharding, new Account.Withdraw(amount))));
    router.get("/accounts/:id").handler(ctx -> ask(ctx, sharding, Account.Get.INSTANCE));
    return router;
  }

  private static void ask(RoutingContext ctx, ClusterSharding sharding, Object command) {
    sharding.entityRef("account", ctx.pathParam("id")).<JsonObject>ask(command).onComplete(answer -> {
      if (answer.failed()) {
        ctx.fail(answer.cause());
      } else if (answer.result().containsKey("refused")) {
        ctx.response().setStatusCode(409);
        ctx.json(answer.result());
      } else {
        ctx.json(answer.result());
      }
    });
  }

  private static void amount(RoutingContext ctx, java.util.function.LongConsumer then) {
    try {
      then.accept(Long.parseLong(ctx.body().asString().trim()));
    } catch (NumberFormatException e) {
      ctx.response().setStatusCode(400);
      ctx.json(new JsonObject().put("refused", "the body must be a whole amount, was '" + ctx.body().asString() + "'"));
    }
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    Path directory = Path.of(args.length > 1 ? args[1] : "actors-data/bank");
    Vertx vertx = Vertx.vertx();
    start(vertx, port, directory)
        .onSuccess(bank -> System.out.println("The bank listens on http://127.0.0.1:" + bank.server().actualPort()
            + " (POST /accounts/:id/deposits, POST /accounts/:id/withdrawals, GET /accounts/:id); data in "
            + directory.toAbsolutePath() + "; Ctrl-C stops"))
        .onFailure(failure -> {
          System.err.println("Could not start: " + failure);
          vertx.close();
        });
  }
}
