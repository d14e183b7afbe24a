package actors.monitor;

import actors.testsupport.BlockingActor;
import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.Directive;
import actors.SupervisorStrategy;
import actors.cluster.ActorNotFoundException;
import actors.dispatch.Dispatchers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON of a known tree, read without stopping its actors; and the health procedure. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MonitorTest {

  /** Creates the children it is told to; answers "ok"; fails on "fail". */
  public static final class Parent extends Actor {
    @Override
    protected void receive(Object message) {
      if (message instanceof Integer count) {
        for (int i = 0; i < count; i++) {
          context().actorOf(Props.create(Leaf.class), "leaf-" + i);
        }
      } else if (message.equals("fail")) {
        throw new IllegalStateException("told to");
      } else if (message instanceof ActorRef watched) {
        context().watch(watched);
      }
      sender().tell("ok", self());
    }
  }

  /** Does nothing. */
  public static final class Leaf extends Actor {
    @Override
    protected void receive(Object message) {
    }
  }

  private ActorSystem system;
  private ActorMonitor monitor;

  @BeforeEach
  void start(Vertx vertx) {
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("monitored"));
    monitor = ActorMonitor.of(system);
  }

  @AfterEach
  void stop() throws Exception {
    BlockingActor.release();
    await(system.terminate());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void aKnownTreeReadsAsItIs() throws Exception {
    ActorRef parent = system.actorOf(Props.create(Parent.class), "parent");
    assertThat((String) await(parent.ask(3))).isEqualTo("ok");
    ActorRef watcher = system.actorOf(Props.create(Parent.class), "watcher");
    assertThat((String) await(watcher.ask(parent))).isEqualTo("ok");
    parent.tell("fail"); // restarted by the default strategy; its children are stopped by preRestart
    assertThat((String) await(parent.ask(2))).isEqualTo("ok");

    JsonObject root = await(monitor.actor("/user"));
    assertThat(root.getString("name")).isEqualTo("user");
    assertThat(root.getInteger("children")).isEqualTo(2);

    JsonObject actor = await(monitor.actor("/user/parent"));
    assertThat(actor.getString("path")).isEqualTo("/user/parent");
    assertThat(actor.getString("actorClass")).isEqualTo(Parent.class.getName());
    assertThat(actor.getString("state")).isEqualTo("running");
    assertThat(actor.getInteger("restarts")).isEqualTo(1);
    assertThat(actor.getInteger("mailboxSize")).isZero();
    assertThat(actor.getInteger("children")).isEqualTo(2);
    assertThat(actor.getString("dispatcher")).isEqualTo("event-loop");
    assertThat(actor.getString("executor")).startsWith("event loop ");

    JsonObject page = await(monitor.children("/user/parent", 1, 5, null));
    assertThat(page.getInteger("total")).isEqualTo(2);
    assertThat(page.getJsonArray("children").stream().map(child -> ((JsonObject) child).getString("name")))
        .containsExactly("leaf-1");
    assertThat(await(monitor.children("/user", 0, 10, "watch")).getJsonArray("children"))
        .extracting(child -> ((JsonObject) child).getString("path")).containsExactly("/user/watcher");
    assertThat(await(monitor.watchers("/user/parent"))).isEqualTo(new JsonArray().add("/user/watcher"));
    assertThat(await(monitor.watchers("/user/watcher"))).isEmpty();
  }

  @Test
  void aStuckActorsMailboxIsReadWithoutIt() throws Exception {
    BlockingActor.arm();
    ActorRef stuck = system.actorOf(Props.create(BlockingActor.class).withDispatcher(Dispatchers.WORKER), "stuck");
    stuck.tell("block");
    assertThat(BlockingActor.awaitBlocked()).isTrue();
    for (int i = 0; i < 25; i++) {
      stuck.tell(i);
    }
    JsonObject actor = await(monitor.actor("/user/stuck"));
    assertThat(actor.getInteger("mailboxSize")).isEqualTo(25);
    assertThat(actor.getString("executor")).isEqualTo("worker");
    assertThatThrownBy(() -> await(monitor.watchers("/user/stuck"))).hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void aHundredThousandChildrenArePagedOffTheEventLoop() throws Exception {
    ActorRef parent = system.actorOf(Props.create(Parent.class), "big");
    assertThat((String) await(parent.ask(100_000, Duration.ofSeconds(30)))).isEqualTo("ok");
    long start = System.nanoTime();
    JsonObject page = await(monitor.children("/user/big", 99_990, 100, null));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(page.getInteger("total")).isEqualTo(100_000);
    assertThat(page.getJsonArray("children")).hasSize(10);
    assertThat(((JsonObject) page.getJsonArray("children").getValue(9)).getString("name")).isEqualTo("leaf-99999");
    assertThat(await(monitor.actor("/user/big")).getInteger("children")).isEqualTo(100_000);
    JsonObject first = await(monitor.children("/user/big", 0, 5, "leaf-1"));
    assertThat(first.getInteger("total")).as("leaf-1, leaf-10..19, leaf-100..199, ...").isEqualTo(11_111);
    assertThat(first.getJsonArray("children")).extracting(child -> ((JsonObject) child).getString("name"))
        .containsExactly("leaf-1", "leaf-10", "leaf-11", "leaf-12", "leaf-13");
    System.out.println("a page of the last 10 of 100,000 children took " + millis + " ms");
  }

  @Test
  void badInputIsRefusedAtTheCall() {
    assertThatThrownBy(() -> monitor.children("/user", -1, 10, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must not be negative, was -1");
    assertThatThrownBy(() -> monitor.children("/user", 0, 0, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1 to 1000, was 0");
    assertThatThrownBy(() -> await(monitor.actor("/user/nobody"))).hasCauseInstanceOf(ActorNotFoundException.class)
        .hasMessageContaining("no actor at /user/nobody");
    assertThatThrownBy(() -> ActorHealth.procedure(system, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the failing threshold must not be negative, was -1");
  }

  private static JsonObject check(io.vertx.core.Handler<Promise<Status>> procedure) throws Exception {
    Promise<Status> status = Promise.promise();
    procedure.handle(status);
    Status result = await(status.future());
    return result.getData().copy().put("ok", result.isOk());
  }

  @Test
  void healthIsUpThenDegradedWhileActorsFailThenDownOnceTerminated(Vertx vertx) throws Exception {
    // A guardian that waits 30 s before each restart: its failed children stay failing meanwhile.
    ActorSystem slow = ActorSystem.create(vertx, new ActorSystemOptions().setName("slow-to-restart")
        .setGuardianStrategy(SupervisorStrategy.oneForOne(10, Duration.ofMinutes(1), cause -> Directive.RESTART)
            .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 0)));
    var procedure = ActorHealth.procedure(slow, 1);
    assertThat(check(procedure)).isEqualTo(new JsonObject().put("failing", 0).put("state", "up").put("ok", true));
    ActorRef first = slow.actorOf(Props.create(Failing.class), "failing-1");
    first.tell("go");
    JsonObject one = awaitHealth(procedure, data -> data.getInteger("failing") == 1);
    assertThat(one.getString("state")).isEqualTo("up"); // 1 is not above the threshold
    slow.actorOf(Props.create(Failing.class), "failing-2").tell("go");
    JsonObject degraded = awaitHealth(procedure, data -> data.getInteger("failing") == 2);
    assertThat(degraded.getString("state")).isEqualTo("degraded");
    assertThat(degraded.getBoolean("ok")).isTrue();
    assertThat(degraded.getJsonArray("actors")).extracting(actor -> ((JsonObject) actor).getString("path"))
        .containsExactlyInAnyOrder("/user/failing-1", "/user/failing-2");
    await(slow.terminate());
    JsonObject down = check(procedure);
    assertThat(down.getBoolean("ok")).isFalse();
    assertThat(down.getString("state")).isEqualTo("terminated");
  }

  /** Checks every few milliseconds, up to 10 s, until {@code done} holds; the last data. */
  private static JsonObject awaitHealth(io.vertx.core.Handler<Promise<Status>> procedure,
                                        java.util.function.Predicate<JsonObject> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    JsonObject data = check(procedure);
    while (!done.test(data) && System.nanoTime() < deadline) {
      Thread.sleep(5);
      data = check(procedure);
    }
    assertThat(done.test(data)).as("health reached the expected state; last: " + data).isTrue();
    return data;
  }

  /** Fails on its first message, and its supervisor (the guardian, with a back-off) waits before restarting it. */
  public static final class Failing extends Actor {
    @Override
    protected void receive(Object message) {
      throw new IllegalStateException("failing on purpose");
    }
  }
}
