package examples.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.grains.GrainOptions;
import actors.grains.Grains;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Path;

/**
 * The bank as typed grains: accounts with durable state and monthly interest, transfers that call
 * two accounts, behind the same HTTP routes on every node of a cluster (or on one node, as
 * {@link #main} runs it with the embedded store). Run it with
 * {@code mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=examples.grains.Bank}
 * (port 8084, data in {@code actors-data/grain-bank}):
 * <pre>
 * curl -X POST --data 100 localhost:8084/accounts/alice/deposits
 * curl -X POST --data '{"from":"alice","to":"bob","cents":30}' localhost:8084/transfers/t-1
 * curl localhost:8084/accounts/bob
 * </pre>
 */
public final class Bank {

  /** The default port: {@value}. */
  public static final int DEFAULT_PORT = 8084;

  private Bank() {
  }

  // tag::start[]
  /** Hosts the bank's grains on {@code system} (a node of the cluster, or alone) and serves them on {@code port}. */
  public static Future<HttpServer> start(ActorSystem system, int port) {
    Grains grains = Grains.get(system);
    return grains.register(Account.class, AccountGrain::new, new GrainOptions().setReminders(true))
        .compose(registered -> grains.register(Transfer.class, TransferGrain::new))
        .compose(registered -> system.vertx().createHttpServer().requestHandler(router(system, grains))
            .listen(port, "127.0.0.1"));
  }

  static Router router(ActorSystem system, Grains grains) {
    Router router = Router.router(system.vertx());
    router.post().handler(BodyHandler.create().setBodyLimit(256));
    router.post("/accounts/:id/deposits").handler(ctx -> amount(ctx).ifPresent(cents ->
        answer(ctx, grains.ref(Account.class, ctx.pathParam("id")).deposit(cents))));
    router.post("/accounts/:id/withdrawals").handler(ctx -> amount(ctx).ifPresent(cents ->
        answer(ctx, grains.ref(Account.class, ctx.pathParam("id")).withdraw(cents))));
    router.get("/accounts/:id").handler(ctx -> answer(ctx, grains.ref(Account.class, ctx.pathParam("id")).balance()));
    router.post("/transfers/:id").handler(ctx -> {
      JsonObject body = ctx.body().asJsonObject();
      Transfer transfer = grains.ref(Transfer.class, ctx.pathParam("id"));
      transfer.execute(grains.ref(Account.class, body.getString("from")), grains.ref(Account.class, body.getString("to")),
          body.getLong("cents")).onComplete(done -> {
            if (done.failed()) {
              ctx.fail(done.cause());
            } else {
              ctx.response().setStatusCode(done.result().status().equals("DONE") ? 200 : 409);
              ctx.json(JsonObject.mapFrom(done.result()));
            }
          });
    });
    return router;
  }
  // end::start[]

  private static void answer(RoutingContext ctx, Future<Long> balance) {
    balance.onComplete(done -> {
      if (done.succeeded()) {
        ctx.json(new JsonObject().put("id", ctx.pathParam("id")).put("balance", done.result()));
      } else if (InsufficientFundsException.matches(done.cause())) {
        ctx.response().setStatusCode(409);
        ctx.json(new JsonObject().put("refused", InsufficientFundsException.reasonOf(done.cause())));
      } else {
        ctx.fail(done.cause());
      }
    });
  }

  private static java.util.Optional<Long> amount(RoutingContext ctx) {
    try {
      return java.util.Optional.of(Long.parseLong(ctx.body().asString().trim()));
    } catch (NumberFormatException e) {
      ctx.response().setStatusCode(400);
      ctx.json(new JsonObject().put("refused", "the body must be a whole amount, was '" + ctx.body().asString() + "'"));
      return java.util.Optional.empty();
    }
  }

  /** One node with the embedded store; args: the port and the store's directory. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    Path directory = Path.of(args.length > 1 ? args[1] : "actors-data/grain-bank");
    ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("grain-bank")
        .addMessagePackage("examples.grains")); // the grain interfaces, their arguments and states
    Persistence.start(system, new PersistenceOptions().setDirectory(directory));
    start(system, port)
        .onSuccess(server -> System.out.println("The bank listens on http://127.0.0.1:" + server.actualPort()
            + "; data in " + directory.toAbsolutePath() + "; Ctrl-C stops"))
        .onFailure(failure -> {
          System.err.println("Could not start: " + failure);
          system.close();
        });
  }
}
