package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorInfo;
import actors.ActorRef;
import actors.PoisonPill;
import actors.Props;
import actors.Status;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.DeadLetter;
import actors.Terminated;
import actors.dispatch.Dispatchers;
import actors.testsupport.ClusterActors.Annotated;
import actors.testsupport.ClusterActors.Count;
import actors.testsupport.ClusterActors.Greet;
import actors.testsupport.ClusterActors.Greeting;
import actors.cluster.refused.Secret;
import actors.testkit.TestProbe;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three clustered nodes (Hazelcast, TCP-IP join on 127.0.0.1) in one JVM: references, asks,
 * forwards and death watch across nodes, ordering, the registry and what may be decoded.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static ActorSystem a;
  private static ActorSystem b;
  private static ActorSystem c;

  @BeforeAll
  static void startNodes() throws Exception {
    a = CLUSTER.start();
    b = CLUSTER.start();
    c = CLUSTER.start();
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b, c);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * How a lookup of {@code name} fails once the entry is gone: the removal follows an event on
   * another node, so the lookup is repeated until it fails or {@link #WAIT} has passed.
   */
  private static Throwable lookupFailure(ActorSystem node, String name) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Throwable failure = null;
    while (failure == null && System.nanoTime() < deadline) {
      failure = node.registry().lookup(name).toCompletionStage().toCompletableFuture()
          .handle((found, error) -> error).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    return failure;
  }

  /** {@code ref} as {@code node} sees it, through its address. */
  private static ActorRef seenFrom(ActorSystem node, ActorSystem owner, ActorRef ref) {
    return node.resolve(owner.addressOf(ref));
  }

  @Test
  void aTellCrossesNodesWithItsSenderAndTheReplyComesBack() {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo-tell");
    ActorRef remoteEcho = seenFrom(a, b, echo);
    assertThat(remoteEcho.path()).isEqualTo("/user/echo-tell");
    assertThat(a.addressOf(remoteEcho)).isEqualTo(b.nodeId() + "/user/echo-tell");
    TestProbe probe = new TestProbe(a, WAIT);
    probe.send(remoteEcho, "ping");
    probe.expectMsg("ping");
    assertThat(probe.lastSender()).isEqualTo(remoteEcho);
  }

  @Test
  void anAskCompletesOnTheAskersContext(VertxTestContext test) {
    ActorRef remoteEcho = seenFrom(a, b, b.actorOf(ClusterActors.echo(), "echo-ask"));
    Context asker = a.vertx().getOrCreateContext();
    asker.runOnContext(v -> remoteEcho.<String>ask("question").onComplete(test.succeeding(answer -> test.verify(() -> {
      assertThat(answer).isEqualTo("question");
      assertThat(io.vertx.core.Vertx.currentContext()).isSameAs(asker);
      test.completeNow();
    }))));
  }

  @Test
  void aForwardAcrossThreeNodesKeepsTheOriginalSender() throws Exception {
    ActorRef echoOnC = c.actorOf(ClusterActors.echo(), "echo-forward");
    ActorRef forwarderOnB = b.actorOf(ClusterActors.forwarder(seenFrom(b, c, echoOnC)), "forwarder");
    // The ask's temporary reference lives on a; c replies straight to it.
    assertThat(await(seenFrom(a, b, forwarderOnB).<String>ask("via b"))).isEqualTo("via b");
  }

  @Test
  void nativeBodiesArriveAsTheyWereSent() throws Exception {
    ActorRef remoteEcho = seenFrom(a, b, b.actorOf(ClusterActors.echo(), "echo-native"));
    List<Object> bodies = List.of("text", 42, 42L, 4.2d, 4.2f, (short) 7, (byte) 8, true, 'x',
        new JsonObject().put("k", "v").put("n", 1), new JsonArray().add(1).add("two"), Buffer.buffer("bytes"),
        new Greeting("record"), new Annotated(3));
    for (Object body : bodies) {
      assertThat((Object) await(remoteEcho.ask(body))).as("echo of a %s", body.getClass().getSimpleName()).isEqualTo(body);
    }
    assertThat((byte[]) await(remoteEcho.ask(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
  }

  @Test
  void aFailureReplyFailsTheAskWithTheRemoteTypeAndMessage() throws Exception {
    ActorRef failing = seenFrom(a, b, b.actorOf(Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        sender().tell(new Status.Failure(new IllegalStateException("no stock for " + message)), self());
      }
    }), "failing-replier"));
    assertThatThrownBy(() -> await(failing.ask("tea")))
        .hasCauseInstanceOf(RemoteFailureException.class)
        .hasMessageContaining("java.lang.IllegalStateException: no stock for tea");
  }

  @Test
  void aPoisonPillStopsAnActorOfAnotherNode() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo-poisoned");
    TestProbe probe = new TestProbe(a, WAIT);
    ActorRef remoteEcho = probe.watch(seenFrom(a, b, echo));
    probe.send(remoteEcho, "before");
    probe.expectMsg("before");
    remoteEcho.tell(PoisonPill.INSTANCE);
    probe.expectTerminated(remoteEcho);
    assertThat(await(b.inspect(echo)).state()).isEqualTo(ActorInfo.State.STOPPED);
  }

  @Test
  void aReferenceInsideAMessageIsBoundAgainOnArrival() {
    ActorRef remoteEcho = seenFrom(a, b, b.actorOf(ClusterActors.echo(), "echo-greet"));
    TestProbe probe = new TestProbe(a, WAIT);
    remoteEcho.tell(new Greet("world", probe.ref()));
    probe.expectMsg(new Greeting("hello world"));
    assertThat(probe.lastSender()).isEqualTo(remoteEcho);
  }

  @Test
  void oneHundredThousandMessagesBetweenTwoNodesArriveInOrder() throws Exception {
    ActorRef checker = seenFrom(a, b, b.actorOf(ClusterActors.sequenceChecker(), "checker-actor"));
    ActorRef sender = a.actorOf(ClusterActors.sequenceSender(checker, 100_000), "sequence-sender");
    assertThat(await(sender.<Count>ask("go", Duration.ofSeconds(30)))).isEqualTo(new Count(100_000, -1));
  }

  @Test
  void messagesFromAWorkerActorKeepTheirOrderToo() throws Exception {
    // A worker thread sends each frame on its own instead of batching them: the order holds all the same.
    ActorRef checker = seenFrom(a, b, b.actorOf(ClusterActors.sequenceChecker(), "checker-worker"));
    ActorRef sender = a.actorOf(ClusterActors.sequenceSender(checker, 20_000).withDispatcher(Dispatchers.WORKER),
        "worker-sequence-sender");
    assertThat(await(sender.<Count>ask("go", Duration.ofSeconds(30)))).isEqualTo(new Count(20_000, -1));
  }

  @Test
  void messagesFromOutsideAnyContextKeepTheirOrderToo() throws Exception {
    ActorRef checker = seenFrom(a, b, b.actorOf(ClusterActors.sequenceChecker(), "checker-outside"));
    for (long i = 0; i < 100_000; i++) {
      checker.tell(i);
    }
    assertThat(await(checker.<Count>ask("count", Duration.ofSeconds(30)))).isEqualTo(new Count(100_000, -1));
  }

  @Test
  void theRegistryFindsActorsOfOtherNodes() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo-registered");
    await(b.registry().register("greeter", echo));
    ActorRef found = await(a.registry().lookup("greeter"));
    assertThat(found).isEqualTo(seenFrom(a, b, echo));
    assertThat(await(found.<String>ask("found"))).isEqualTo("found");
    assertThat(await(c.registry().lookup("greeter"))).isEqualTo(seenFrom(c, b, echo));
    // Its own node resolves it to the actor itself.
    assertThat(await(b.registry().lookup("greeter"))).isSameAs(echo);

    assertThatThrownBy(() -> await(c.registry().register("greeter", c.actorOf(ClusterActors.echo()))))
        .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("'greeter' is already registered");
    assertThatThrownBy(() -> await(a.registry().unregister("greeter")))
        .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("only its node may unregister it");
    assertThat(await(b.registry().unregister("greeter"))).isTrue();
    assertThat(await(b.registry().unregister("greeter"))).isFalse();
    assertThatThrownBy(() -> await(c.registry().lookup("greeter")))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("no actor is registered as 'greeter'");
  }

  @Test
  void aRegisteredActorThatStopsIsUnregistered() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo-short-lived");
    await(b.registry().register("short-lived", echo));
    await(b.stop(echo));
    assertThat(lookupFailure(a, "short-lived")).isInstanceOf(ActorNotFoundException.class);
  }

  @Test
  void aClassThatIsNotAllowedIsRefusedByTheReceivingNode() throws Exception {
    BlockingQueue<DeadLetter> deadLetters = new ArrayBlockingQueue<>(10);
    b.addDeadLetterListener(deadLetters::add);
    ActorRef remoteEcho = seenFrom(a, b, b.actorOf(ClusterActors.echo(), "echo-refusing"));
    assertThatThrownBy(() -> await(remoteEcho.ask(new Secret("password"))))
        .hasCauseInstanceOf(MessageEncodingException.class)
        .hasMessageContaining("refusing to decode a message of type actors.cluster.refused.Secret");
    DeadLetter refused = deadLetters.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(refused).isNotNull();
    assertThat(refused.reason()).contains("could not be decoded");
  }

  @Test
  void aMessageThatCannotBeEncodedFailsTheTellAndTheAsk() {
    ActorRef remoteEcho = seenFrom(a, b, b.actorOf(ClusterActors.echo(), "echo-unencodable"));
    Object unencodable = new Object();
    assertThatThrownBy(() -> remoteEcho.tell(unencodable))
        .isInstanceOf(MessageEncodingException.class)
        .hasMessageContaining("cannot encode a message of type java.lang.Object");
    Future<Object> answer = remoteEcho.ask(unencodable);
    assertThat(answer.failed()).isTrue();
    assertThat(answer.cause()).isInstanceOf(MessageEncodingException.class);
  }

  @Test
  void anAskToAPathWhereNoActorLivesFailsAtOnce() {
    ActorRef nobody = a.resolve(b.nodeId() + "/user/nobody");
    assertThatThrownBy(() -> await(nobody.ask("anyone?", Duration.ofSeconds(30))))
        .hasCauseInstanceOf(ActorNotFoundException.class)
        .hasMessageContaining("no actor at /user/nobody on node " + b.nodeId());
  }

  @Test
  void aWatcherIsToldWhenAnActorOfAnotherNodeStops() throws Exception {
    ActorRef echo = b.actorOf(ClusterActors.echo(), "echo-watched");
    ActorRef remoteEcho = seenFrom(a, b, echo);
    TestProbe probe = new TestProbe(a, WAIT);
    probe.watch(remoteEcho);
    // A round trip after the watch: the watch has reached b before the stop does.
    probe.send(remoteEcho, "are you there?");
    probe.expectMsg("are you there?");
    await(b.stop(echo));
    Terminated terminated = probe.expectTerminated(remoteEcho);
    assertThat(terminated.actor()).isEqualTo(remoteEcho);
  }

  @Test
  void whenANodeLeavesItsActorsAreTerminatedItsAsksFailAndItsEntriesGo() throws Exception {
    ActorSystem leaving = CLUSTER.start();
    ActorRef silentThere = leaving.actorOf(ClusterActors.silent(), "silent");
    await(leaving.registry().register("leaving-silent", silentThere));
    ActorRef silent = await(a.registry().lookup("leaving-silent"));
    TestProbe probe = new TestProbe(a, Duration.ofSeconds(30));
    probe.watch(silent);
    probe.send(silent, "a message for the watch to overtake");
    Future<Object> pending = silent.ask("never answered", Duration.ofMinutes(5));

    long left = System.nanoTime();
    LoopbackCluster.stop(leaving);
    probe.expectTerminated(silent);
    Throwable failure = pending.toCompletionStage().toCompletableFuture().handle((answer, error) -> error)
        .get(30, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(ActorUnreachableException.class)
        .hasMessageContaining("/user/silent is unreachable");
    assertThat(Duration.ofNanos(System.nanoTime() - left)).isLessThan(Duration.ofSeconds(30));
    assertThatThrownBy(() -> await(silent.ask("after")))
        .hasCauseInstanceOf(ActorUnreachableException.class);
    assertThat(lookupFailure(a, "leaving-silent")).isInstanceOf(ActorNotFoundException.class);
  }

  @Test
  void anAskThatGetsNoReplyStillTimesOut() {
    ActorRef silent = seenFrom(a, b, b.actorOf(ClusterActors.silent(), "silent-timeout"));
    assertThatThrownBy(() -> await(silent.ask("hello?", Duration.ofMillis(300))))
        .hasCauseInstanceOf(AskTimeoutException.class).hasMessageContaining("ask timed out on /user/silent-timeout");
  }

  @Test
  void aSystemOnAVertxThatIsNotClusteredRefusesOtherNodes() {
    ActorSystem local = ActorSystem.create(new ActorSystemOptions().setName("alone"));
    try {
      assertThat(local.nodeId()).isEqualTo("local");
      assertThatThrownBy(() -> local.resolve(b.nodeId() + "/user/x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not clustered");
      assertThatThrownBy(() -> local.resolve("/user/x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an actor address");
    } finally {
      local.close();
    }
  }
}
