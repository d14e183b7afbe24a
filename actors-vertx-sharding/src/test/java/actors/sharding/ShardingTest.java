package actors.sharding;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.DeadLetter;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sharding on one node (a Vertx that is not clustered): activation, order, passivation, bad input. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShardingTest {

  private ActorSystem system;
  private ClusterSharding sharding;

  @BeforeEach
  void start(Vertx vertx) {
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("sharding-test"));
    sharding = ClusterSharding.get(system);
  }

  @AfterEach
  void stop() throws Exception {
    await(system.terminate());
  }

  @Test
  void anEntityStartsOnItsFirstMessageKeepsItsStateAndPerSenderOrder() throws Exception {
    TestProbe events = new TestProbe(system);
    await(sharding.start("tally", id -> Tally.props(id, events.ref())));
    ActorRef tally = sharding.entityRef("tally", "a/b c");
    for (int i = 0; i < 10_000; i++) {
      tally.tell(i);
    }
    JsonObject state = await(tally.ask("state"));
    assertThat(events.expectMsgClass(String.class)).isEqualTo("started a/b c");
    assertThat(state.getLong("count")).isEqualTo(10_000);
    assertThat(state.getInteger("firstOutOfOrder")).isEqualTo(-1);
    assertThat(state.getString("path")).isEqualTo("/user/$sharding.tally/a%2fb%20c").isEqualTo(tally.path());
    // Another reference to the same id reaches the same incarnation.
    JsonObject again = await(sharding.entityRef("tally", "a/b c").ask("state"));
    assertThat(again.getString("incarnation")).isEqualTo(state.getString("incarnation"));
    assertThat(sharding.entityRef("tally", "a/b c")).isEqualTo(tally);
    events.expectNoMsg();
  }

  @Test
  void anIdleEntityIsPassivatedAndComesBackOnItsNextMessage() throws Exception {
    TestProbe events = new TestProbe(system);
    await(sharding.start("tally", id -> Tally.props(id, events.ref()),
        new ShardingOptions().setPassivateAfter(Duration.ofMillis(200))));
    ActorRef tally = sharding.entityRef("tally", "7");
    tally.tell(0);
    JsonObject first = await(tally.ask("state"));
    events.expectMsg("started 7");
    // postStop ran: passivation stopped it, between 200 and 250 ms idle plus one tick.
    events.expectMsg(Duration.ofSeconds(3), "stopped 7");
    JsonObject second = await(tally.ask("state"));
    events.expectMsg("started 7");
    assertThat(second.getString("incarnation")).isNotEqualTo(first.getString("incarnation"));
    assertThat(second.getLong("count")).isZero();
  }

  @Test
  void messagesForAnEntityBeingPassivatedWaitAndStartItsNextIncarnationInOrder() throws Exception {
    TestProbe events = new TestProbe(system);
    await(sharding.start("tally", id -> Tally.props(id, events.ref()),
        new ShardingOptions().setPassivateAfter(Duration.ofMillis(100))));
    ActorRef tally = sharding.entityRef("tally", "busy");
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 1000; i++) {
        tally.tell(round * 1000 + i);
      }
      JsonObject state = await(tally.ask("state"));
      // Every round starts a new incarnation or keeps the old one; in both, nothing is lost or reordered.
      assertThat(state.getInteger("firstOutOfOrder")).isEqualTo(-1);
      assertThat(state.getLong("count") % 1000).isZero();
      assertThat(state.getInteger("last")).isEqualTo(round * 1000 + 999);
      Thread.sleep(90 + round * 20L); // around the passivation time, to race it
    }
    assertThat(system.deadLetterCount()).isZero();
  }

  @Test
  void aFullBufferSendsTheRestToDeadLettersCounted() throws Exception {
    BlockingQueue<DeadLetter> letters = new LinkedBlockingQueue<>();
    system.addDeadLetterListener(letters::add);
    // A proxy with no host: every message waits for a node that hosts the type.
    await(sharding.startProxy("nowhere", new ShardingOptions().setBufferSize(10)));
    ActorRef entity = sharding.entityRef("nowhere", "x");
    for (int i = 0; i < 15; i++) {
      entity.tell(i);
    }
    Future<Object> ask = entity.ask("state", Duration.ofSeconds(5));
    Throwable failure = ask.toCompletionStage().toCompletableFuture().handle((answer, error) -> error).get(10, TimeUnit.SECONDS);
    assertThat(failure).hasMessageContaining("sharding buffer of nowhere");
    List<DeadLetter> dropped = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      dropped.add(letters.poll(10, TimeUnit.SECONDS));
    }
    assertThat(dropped).extracting(DeadLetter::message).containsExactly(10, 11, 12, 13, 14, "state");
    assertThat(dropped.get(0).reason()).contains("sharding buffer of nowhere on node local is full (10 messages");
    assertThat(dropped.get(0).recipient()).isEqualTo(entity);
    assertThat(letters.poll(100, TimeUnit.MILLISECONDS)).isNull();
    assertThat(system.deadLetterCount()).isEqualTo(6);
  }

  @Test
  void badInputIsRefusedAtTheCall() throws Exception {
    Function<String, actors.Props> props = id -> Tally.props(id, null);
    await(sharding.start("tally", props));
    assertThat(sharding.start("tally", props).succeeded()).as("the same start again").isTrue();
    assertThatThrownBy(() -> sharding.start("tally", id -> Tally.props(id, null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tally was started on this node already, with another entityProps function");
    assertThatThrownBy(() -> sharding.start("tally", props, new ShardingOptions().setNumberOfShards(10)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("with other options");
    assertThatThrownBy(() -> sharding.entityRef("cart", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no entity type cart on this node")
        .hasMessageContaining("known: [tally]");
    assertThatThrownBy(() -> sharding.entityRef("tally", null))
        .isInstanceOf(NullPointerException.class).hasMessage("entityId");
    assertThatThrownBy(() -> sharding.entityRef("tally", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("entityId must not be empty");
    assertThat(sharding.entityRef("tally", "i".repeat(255)).path()).endsWith("i".repeat(255));
    assertThatThrownBy(() -> sharding.entityRef("tally", "i".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is 256 characters long escaped as an actor name");
    assertThatThrownBy(() -> sharding.entityRef("tally", "/".repeat(100))) // each '/' is escaped in three characters
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 255");
    assertThatThrownBy(() -> sharding.start("a/b", props))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typeName 'a/b' holds an illegal character at index 1");
    assertThatThrownBy(() -> sharding.entityRef("tally", "1").tell(null))
        .isInstanceOf(NullPointerException.class).hasMessage("message");
    assertThatThrownBy(() -> new ShardingOptions().setNumberOfShards(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("numberOfShards must be positive, was 0");
  }

  @Test
  void aSingletonRunsOnceAndItsProxyReachesIt() throws Exception {
    TestProbe events = new TestProbe(system);
    ActorRef singleton = ClusterSingleton.start(system, "room", Tally.props("room", events.ref()));
    singleton.tell(0);
    singleton.tell(1);
    JsonObject state = await(singleton.ask("state"));
    assertThat(state.getLong("count")).isEqualTo(2);
    assertThat(state.getString("path")).isEqualTo("/user/$singleton.room/room");
    events.expectMsg("started room");
    assertThatThrownBy(() -> ClusterSingleton.start(system, "room", Tally.props("room", null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the singleton room was started on this node already");
    assertThatThrownBy(() -> ClusterSingleton.proxy(system, "room"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("this node runs the singleton room");
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
