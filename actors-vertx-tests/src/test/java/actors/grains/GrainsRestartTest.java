package actors.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.grains.sample.Account;
import actors.grains.sample.AccountState;
import actors.grains.sample.Beacon;
import actors.persistence.EventJournal;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.PostgresServer;
import actors.persistence.StoredEvent;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static actors.grains.GrainNode.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole cluster stops and a new one starts on the same store: without any call, a reminder
 * fires again (the ticks due meanwhile skipped) and a remembered grain is activated again; a
 * remembered grain whose node leaves is activated again on another without a call.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class GrainsRestartTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void remindersAndRememberedGrainsComeBackAfterTheWholeClusterRestarted() throws Exception {
    String postgres = PostgresServer.freshDatabase("grains_restart");
    String accountState = "grain|" + Account.class.getName() + "|ida|account";
    String beaconState = "grain|" + Beacon.class.getName() + "|lighthouse|beacon";

    String first = new LoopbackCluster().name;
    ActorSystem[] before = {GrainNode.start(first, postgres), GrainNode.start(first, postgres)};
    Account ida = Grains.get(before[0]).ref(Account.class, "ida");
    await(ida.deposit(10_000));
    await(ida.startInterest(1000));
    assertThat(await(Grains.get(before[1]).ref(Beacon.class, "lighthouse").activations())).isEqualTo(1);
    LoopbackCluster.stop(before);
    // What the store holds once the whole cluster is gone (the beacon may have moved while it left).
    ActorSystem reader = ActorSystem.create(new ActorSystemOptions().setName("reader").addMessagePackage("actors.grains.sample"));
    Persistence.start(reader, new PersistenceOptions().setPostgres(postgres));
    EventJournal stored = Persistence.get(reader).journal();
    long accountWritten = await(stored.highestSequenceNr(accountState));
    long beaconWritten = await(stored.highestSequenceNr(beaconState));
    int paidBefore = interestPaid(reader, accountState);
    // The scenario: the cluster stays down for 5 periods of the reminder, whose ticks are missed.
    await(Future.future(promise -> reader.vertx().setTimer(5000, timer -> promise.complete())));
    // Watched from now on, before any node starts: the reminders that fire first after the restart.
    ExecutorService watcher = Executors.newSingleThreadExecutor();
    CompletableFuture<Integer> firedFirst = CompletableFuture.supplyAsync(() -> {
      try {
        while (await(stored.highestSequenceNr(accountState)) <= accountWritten) {
          await(Future.future(promise -> reader.vertx().setTimer(50, timer -> promise.complete())));
        }
        return interestPaid(reader, accountState) - paidBefore;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, watcher);

    String second = new LoopbackCluster().name;
    ActorSystem[] after = {GrainNode.start(second, postgres), GrainNode.start(second, postgres)};
    try {
      EventJournal journal = Persistence.get(after[0]).journal();
      // No call reaches either grain: the reminder writes the account, the beacon writes on activation.
      assertThat(firedFirst.get(BOUND.toSeconds(), TimeUnit.SECONDS))
          .as("reminders fired at once after the restart: the ticks due while the cluster was down are skipped")
          .isBetween(1, 2);
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (await(journal.highestSequenceNr(beaconState)) <= beaconWritten) {
        assertThat(System.nanoTime()).as("the beacon came back within %s", BOUND).isLessThan(deadline);
        await(Future.future(promise -> after[0].vertx().setTimer(200, timer -> promise.complete())));
      }
      // Activated again without a call; again after that if its shard moved when the second node joined.
      assertThat(await(Grains.get(after[1]).ref(Beacon.class, "lighthouse").activations()))
          .isGreaterThan((int) beaconWritten);
      assertThat(await(Grains.get(after[1]).ref(Account.class, "ida").interestPaid())).isPositive();
    } finally {
      watcher.shutdownNow();
      LoopbackCluster.stop(after);
      await(reader.terminate());
    }
  }

  @Test
  void aRememberedGrainComesBackWithoutACallAfterItsNodeLeft() throws Exception {
    String postgres = PostgresServer.freshDatabase("grains_moved");
    String beaconState = "grain|" + Beacon.class.getName() + "|wanderer|beacon";
    String cluster = new LoopbackCluster().name;
    List<ActorSystem> nodes = new ArrayList<>(List.of(GrainNode.start(cluster, postgres),
        GrainNode.start(cluster, postgres), GrainNode.start(cluster, postgres)));
    try {
      Beacon wanderer = Grains.get(nodes.get(0)).ref(Beacon.class, "wanderer");
      int activations = await(wanderer.activations());
      String host = await(wanderer.node());
      ActorSystem leaving = nodes.stream().filter(node -> node.nodeId().equals(host)).findFirst().orElseThrow();
      nodes.remove(leaving);
      LoopbackCluster.stop(leaving);
      long left = System.nanoTime();
      EventJournal journal = Persistence.get(nodes.get(0)).journal();
      // No call: the beacon writes its count when it is activated again on a node that stayed.
      long deadline = left + BOUND.toNanos();
      while (await(journal.highestSequenceNr(beaconState)) <= activations) {
        assertThat(System.nanoTime()).as("the beacon came back within %s", BOUND).isLessThan(deadline);
        await(Future.future(promise -> nodes.get(0).vertx().setTimer(100, timer -> promise.complete())));
      }
      System.out.printf("remembered grain activated again %d ms after its node left%n",
          Duration.ofNanos(System.nanoTime() - left).toMillis());
      // Asked from a node that stayed: the first node may be the one that left.
      Beacon fromAStayer = Grains.get(nodes.get(0)).ref(Beacon.class, "wanderer");
      assertThat(await(fromAStayer.node())).isNotEqualTo(host).isIn(nodes.stream().map(ActorSystem::nodeId).toList());
    } finally {
      LoopbackCluster.stop(nodes.toArray(ActorSystem[]::new));
    }
  }

  /** How many interest reminders the latest written state of {@code persistenceId} counts. */
  private static int interestPaid(ActorSystem system, String persistenceId) throws Exception {
    Persistence persistence = Persistence.get(system);
    long latest = await(persistence.journal().highestSequenceNr(persistenceId));
    StoredEvent event = await(persistence.journal().read(persistenceId, latest, 1)).get(0);
    return ((AccountState) persistence.decode(event.manifest(), event.payload())).interestPaid();
  }
}
