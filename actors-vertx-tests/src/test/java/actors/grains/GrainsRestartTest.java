package actors.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.grains.sample.Account;
import actors.grains.sample.Beacon;
import actors.persistence.EventJournal;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.PostgresServer;
import actors.testsupport.LoopbackCluster;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static actors.grains.GrainNode.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole cluster stops and a new one starts on the same store: without any call, a reminder
 * fires again and a remembered grain is activated again.
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
    ActorSystem reader = ActorSystem.create(new ActorSystemOptions().setName("reader"));
    Persistence.start(reader, new PersistenceOptions().setPostgres(postgres));
    long accountWritten = await(Persistence.get(reader).journal().highestSequenceNr(accountState));
    long beaconWritten = await(Persistence.get(reader).journal().highestSequenceNr(beaconState));
    await(reader.terminate());

    String second = new LoopbackCluster().name;
    ActorSystem[] after = {GrainNode.start(second, postgres), GrainNode.start(second, postgres)};
    try {
      EventJournal journal = Persistence.get(after[0]).journal();
      // No call reaches either grain: the reminder writes the account, the beacon writes on activation.
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (await(journal.highestSequenceNr(accountState)) <= accountWritten
          || await(journal.highestSequenceNr(beaconState)) <= beaconWritten) {
        assertThat(System.nanoTime()).as("the reminder fired and the beacon came back within %s", BOUND)
            .isLessThan(deadline);
        await(Future.future(promise -> after[0].vertx().setTimer(200, timer -> promise.complete())));
      }
      // Activated again without a call; again after that if its shard moved when the second node joined.
      assertThat(await(Grains.get(after[1]).ref(Beacon.class, "lighthouse").activations()))
          .isGreaterThan((int) beaconWritten);
      assertThat(await(Grains.get(after[1]).ref(Account.class, "ida").interestPaid())).isPositive();
    } finally {
      LoopbackCluster.stop(after);
    }
  }
}
