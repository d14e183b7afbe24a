package actors.cluster;

import actors.testsupport.ClusterActors;
import actors.testsupport.LoopbackCluster;
import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.DeadLetter;
import actors.PoisonPill;
import actors.internal.EntityEnvelope;
import actors.sharding.ClusterSharding;
import actors.sharding.ShardingOptions;
import actors.sharding.Tally;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node in untrusted mode (a) beside a node that is not (b): from b, only a's registered
 * actors are reachable, and no PoisonPill, Kill or death watch gets through; a's own asks to
 * b still get their replies.
 */
class UntrustedModeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final LoopbackCluster CLUSTER = new LoopbackCluster();
  private static ActorSystem a;
  private static ActorSystem b;

  @BeforeAll
  static void startNodes() throws Exception {
    a = CLUSTER.start(new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")
        .setUntrustedMode(true));
    b = CLUSTER.start();
  }

  @AfterAll
  static void stopNodes() throws Exception {
    LoopbackCluster.stop(a, b);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aRegisteredActorIsReachableAndAnUnregisteredOneIsNot() throws Exception {
    ActorRef registered = a.actorOf(ClusterActors.echo(), "public-echo");
    await(a.registry().register("public-echo", registered));
    ActorRef hidden = a.actorOf(ClusterActors.echo(), "hidden-echo");
    ActorRef found = await(b.registry().lookup("public-echo"));
    assertThat(await(found.<String>ask("hello"))).isEqualTo("hello");
    assertThatThrownBy(() -> await(b.resolve(a.addressOf(hidden)).ask("hello")))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("only registered ones are");
  }

  @Test
  void noPoisonPillKillOrWatchFromAnotherNodeGetsThrough() throws Exception {
    BlockingQueue<DeadLetter> letters = new LinkedBlockingQueue<>();
    a.addDeadLetterListener(letters::add);
    ActorRef guarded = a.actorOf(ClusterActors.echo(), "guarded");
    await(a.registry().register("guarded", guarded));
    ActorRef seenFromB = await(b.registry().lookup("guarded"));
    seenFromB.tell(PoisonPill.INSTANCE);
    assertThat(TrustTest.next(letters, "untrusted mode").message()).isEqualTo(PoisonPill.INSTANCE);
    b.actorOf(actors.Props.create(() -> new actors.Actor() {
      @Override
      public void preStart() {
        context().watch(seenFromB);
      }

      @Override
      protected void receive(Object message) {
      }
    }));
    assertThat(TrustTest.next(letters, "refused by the cluster transport").message().toString())
        .contains("death-watch frame").contains("untrusted mode");
    assertThat(await(a.inspect(guarded)).state()).isEqualTo(ActorInfo.State.RUNNING);
  }

  @Test
  void itsShardedEntitiesAreReachableButItsRegionsTakeNothingElse() throws Exception {
    await(ClusterSharding.get(a).start("untrusted-tally", id -> Tally.props(id, null),
        new ShardingOptions().setNumberOfShards(4)));
    await(ClusterSharding.get(b).startProxy("untrusted-tally", new ShardingOptions().setNumberOfShards(4)));
    ActorRef entity = ClusterSharding.get(b).entityRef("untrusted-tally", "x");
    entity.tell(0);
    JsonObject state = await(entity.ask("state"));
    assertThat(state.getString("node")).isEqualTo(a.nodeId());
    assertThat(state.getLong("count")).isEqualTo(1);
    ActorRef region = b.resolve(a.nodeId() + "/user/$sharding.untrusted-tally");
    assertThatThrownBy(() -> await(region.ask("not an envelope")))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("only registered ones are");
  }

  @Test
  void noPoisonPillOrKillInsideAnEntityEnvelopeAndNoOtherIdToItsSingletonRegion() throws Exception {
    await(ClusterSharding.get(a).start("guarded-tally", id -> Tally.props(id, null), new ShardingOptions().setNumberOfShards(4)));
    ActorRef entity = ClusterSharding.get(a).entityRef("guarded-tally", "kept");
    entity.tell(0);
    JsonObject before = await(entity.ask("state"));
    ActorRef regionFromB = b.resolve(a.nodeId() + "/user/$sharding.guarded-tally");
    assertThatThrownBy(() -> await(regionFromB.ask(new EntityEnvelope("kept", PoisonPill.INSTANCE, 1))))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("takes no PoisonPill or Kill");
    assertThatThrownBy(() -> await(regionFromB.ask(new EntityEnvelope("kept", actors.Kill.INSTANCE, 1))))
        .hasCauseInstanceOf(ActorNotFoundException.class).hasMessageContaining("takes no PoisonPill or Kill");
    JsonObject after = await(entity.ask("state"));
    assertThat(after.getString("incarnation")).as("the same incarnation: not stopped").isEqualTo(before.getString("incarnation"));

    ActorRef sole = actors.sharding.ClusterSingleton.start(a, "guarded-sole", Tally.props("guarded-sole", null));
    JsonObject soleState = await(sole.ask("state"));
    ActorRef singletonRegionFromB = b.resolve(a.nodeId() + "/user/$singleton.guarded-sole");
    for (int i = 0; i < 20; i++) {
      singletonRegionFromB.tell(new EntityEnvelope("impostor-" + i, "state", 1));
    }
    // Fails after the twenty, which came before it from the same node: a dead letter each, no instance.
    assertThatThrownBy(() -> await(singletonRegionFromB.ask(new EntityEnvelope("impostor-last", "state", 1))))
        .hasCauseInstanceOf(actors.AskTimeoutException.class);
    assertThat(await(sole.<JsonObject>ask("state")).getString("incarnation")).isEqualTo(soleState.getString("incarnation"));
    assertThat(await(actors.monitor.ActorMonitor.of(a).actor("/user/$singleton.guarded-sole")).getInteger("children"))
        .as("the singleton region runs its singleton only").isEqualTo(1);
  }

  @Test
  void theRepliesToItsOwnAsksStillArrive() throws Exception {
    ActorRef echoOnB = a.resolve(b.addressOf(b.actorOf(ClusterActors.echo(), "echo-for-untrusted")));
    assertThat(await(echoOnB.<String>ask("round trip"))).isEqualTo("round trip");
  }
}
