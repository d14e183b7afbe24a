package actors.persistence;

import actors.ActorInitializationException;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.event.ActorFailed;
import actors.testkit.TestProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Persistent actors on the embedded store (SQLite in a temporary directory), on a real Vertx. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PersistentActorTest {

  @TempDir
  Path directory;

  private final List<ActorSystem> systems = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ActorSystem system : systems) {
      await(system.terminate());
    }
  }

  private ActorSystem start(Vertx vertx) {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("persistence-test-" + systems.size())
        .addMessagePackage("actors.persistence"));
    Persistence.start(system, new PersistenceOptions().setDirectory(directory));
    systems.add(system);
    return system;
  }

  @Test
  void theEmbeddedStoreFencesOffAnOlderWriterOfAPersistenceId(Vertx vertx) throws Exception {
    FencingContract.check(Persistence.get(start(vertx)).journal());
  }

  @Test
  void anIncarnationStartedElsewhereFencesOffTheOlderOneWhosePersistIsNeverAcknowledgedNorWritten(Vertx vertx)
      throws Exception {
    ActorRef older = start(vertx).actorOf(Account.props("account-f"));
    assertThat(await(older.<Long>ask(new Account.Deposit(5)))).isEqualTo(5);
    ActorSystem second = start(vertx); // the same store, as another node would reach it
    Account.State recovered = await(second.actorOf(Account.props("account-f")).ask(Account.Query.STATE));
    assertThat(recovered.balance()).isEqualTo(5);
    assertThatThrownBy(() -> await(older.ask(new Account.Deposit(7), java.time.Duration.ofSeconds(2))))
        .hasCauseInstanceOf(actors.AskTimeoutException.class);
    assertThat(await(Persistence.get(second).journal().read("account-f", 1, 10))).hasSize(1);
  }

  @Test
  void theStateComesBackFromItsEventsInAnotherSystemOnTheSameStore(Vertx vertx) throws Exception {
    ActorSystem first = start(vertx);
    ActorRef account = first.actorOf(Account.props("account-1"));
    for (int i = 1; i <= 100; i++) {
      assertThat(await(account.<Long>ask(new Account.Deposit(i)))).isEqualTo((long) i * (i + 1) / 2);
    }
    await(first.terminate());
    systems.remove(first);

    ActorSystem second = start(vertx);
    Account.State state = await(second.actorOf(Account.props("account-1")).ask(Account.Query.STATE));
    assertThat(state.balance()).isEqualTo(5050);
    assertThat(state.lastSequenceNr()).isEqualTo(100);
    assertThat(state.recovered()).hasSize(100).containsOnly("event");
  }

  @Test
  void aCommandThatArrivesWhileAnEventIsWrittenWaitsAndSeesItApplied(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    ActorRef account = system.actorOf(Account.props("account-2"));
    List<Future<Object>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      answers.add(account.ask(new Account.Deposit(10)));
      answers.add(account.ask(Account.Query.STATE));
    }
    for (int i = 0; i < 50; i++) {
      long balance = (Long) await(answers.get(2 * i));
      Account.State state = (Account.State) await(answers.get(2 * i + 1));
      assertThat(balance).isEqualTo(10L * (i + 1));
      assertThat(state.balance()).as("the query after deposit %d", i + 1).isEqualTo(balance);
      assertThat(state.lastSequenceNr()).isEqualTo(i + 1);
    }
  }

  @Test
  void recoveryStartsFromTheLatestSnapshotAndDeletedEventsKeepTheNumbering(Vertx vertx) throws Exception {
    ActorSystem first = start(vertx);
    ActorRef account = first.actorOf(Account.props("account-3"));
    for (int i = 0; i < 50; i++) {
      await(account.ask(new Account.Deposit(1)));
    }
    assertThat(await(account.<Long>ask(Account.Snap.NOW))).isEqualTo(50);
    for (int i = 0; i < 10; i++) {
      await(account.ask(new Account.Deposit(1)));
    }
    await(Persistence.get(first).journal().deleteTo("account-3", 50));
    await(first.terminate());
    systems.remove(first);

    ActorSystem second = start(vertx);
    ActorRef again = second.actorOf(Account.props("account-3"));
    Account.State state = await(again.ask(Account.Query.STATE));
    assertThat(state.recovered()).hasSize(11).first().isEqualTo(new SnapshotOffer(50, new Account.Balance(50)));
    assertThat(state.balance()).isEqualTo(60);
    assertThat(state.lastSequenceNr()).isEqualTo(60);
    await(again.ask(new Account.Deposit(1)));
    List<StoredEvent> tail = await(Persistence.get(second).journal().read("account-3", 1, 100));
    assertThat(tail).extracting(StoredEvent::sequenceNr).containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L, 61L);
  }

  @Test
  void aLongHistoryIsReplayedInChunksInOrderOnce(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    List<StoredEvent> history = new ArrayList<>();
    Persistence persistence = Persistence.get(system);
    for (int i = 1; i <= 5000; i++) {
      history.add(new StoredEvent("account-4", i, Account.Deposited.class.getName(),
          persistence.encode(new Account.Deposited(i))));
    }
    await(persistence.journal().append(history));
    Account.State state = await(system.actorOf(Account.props("account-4")).ask(Account.Query.STATE));
    assertThat(state.balance()).isEqualTo(5000L * 5001 / 2);
    assertThat(state.lastSequenceNr()).isEqualTo(5000);
  }

  @Test
  void aRestartReplaysWhatWasStored(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    TestProbe started = new TestProbe(system);
    ActorRef account = system.actorOf(Account.props("account-5", started.ref()));
    started.expectMsg(0L);
    await(account.ask(new Account.Deposit(5)));
    account.tell(new Account.DepositThenFail(7)); // stored, then the handler throws: a restart
    started.expectMsg(2L);
    Account.State state = await(account.ask(Account.Query.STATE));
    assertThat(state.balance()).as("both deposits were stored, so both are replayed").isEqualTo(12);
    assertThat(state.recovered()).hasSize(2);
  }

  @Test
  void aWriteTheStoreRefusesFailsTheActorAndAcknowledgesNothing(Vertx vertx) throws Exception {
    ActorSystem system = ActorSystem.create(vertx, new ActorSystemOptions().setName("failing-store")
        .addMessagePackage("actors.persistence"));
    systems.add(system);
    FailingStore store = new FailingStore();
    Persistence.start(system, new PersistenceOptions().setStore(store));
    TestProbe failures = new TestProbe(system);
    system.eventStream().subscribe(failures.ref(), ActorFailed.class);
    ActorRef account = system.actorOf(Account.props("account-6"));
    Future<Object> deposit = account.ask(new Account.Deposit(3), Duration.ofSeconds(2));
    ActorFailed failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.cause()).isInstanceOf(PersistenceFailureException.class)
        .hasMessage("persisting events 1 to 1 of account-6 failed: the disk is full");
    assertThat(deposit.toCompletionStage().toCompletableFuture().handle((answer, error) -> error)
        .get(10, TimeUnit.SECONDS)).as("no answer: nothing was acknowledged").isNotNull();
    assertThat(store.appended).isEmpty();
  }

  @Test
  void ofTwoIncarnationsOfOneIdOnlyTheOneThatStartedLastWritesAndTheHistoryStaysWhole(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    TestProbe failures = new TestProbe(system);
    system.eventStream().subscribe(failures.ref(), ActorFailed.class);
    ActorRef one = system.actorOf(Account.props("account-7"));
    await(one.ask(Account.Query.STATE));
    ActorRef two = system.actorOf(Account.props("account-7"));
    await(two.ask(Account.Query.STATE)); // both recovered an empty history; two fenced one off
    one.tell(new Account.Deposit(1));
    ActorFailed failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.actor()).isEqualTo(one);
    assertThat(failed.cause()).hasMessageContaining("refused events 1 to 1 of account-7")
        .hasMessageContaining("fenced off this one's token");
    // Restarted, one recovers again, fencing two off in turn: the one that started last writes.
    assertThat(((Account.State) await(one.ask(Account.Query.STATE))).balance()).isZero();
    assertThat(await(one.<Long>ask(new Account.Deposit(3)))).isEqualTo(3);
    two.tell(new Account.Deposit(2));
    assertThat(failures.expectMsgClass(ActorFailed.class).actor()).isEqualTo(two);
    List<StoredEvent> history = await(Persistence.get(system).journal().read("account-7", 1, 10));
    assertThat(history).hasSize(1);
    assertThat(Persistence.get(system).decode(history.get(0).manifest(), history.get(0).payload()))
        .isEqualTo(new Account.Deposited(3));
  }

  @Test
  void badInputIsRefusedWithTheReason(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    TestProbe failures = new TestProbe(system);
    system.eventStream().subscribe(failures.ref(), ActorFailed.class);
    ActorRef nameless = system.actorOf(Account.props(null));
    ActorFailed failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.actor()).isEqualTo(nameless);
    assertThat(failed.cause()).isInstanceOf(ActorInitializationException.class)
        .hasRootCauseMessage("persistenceId() of " + Account.class.getName() + " returned null");

    ActorRef account = system.actorOf(Account.props("account-8"));
    account.tell(Account.Forbidden.NOW);
    failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.cause()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot persist a actors.persistence.outside.NotAllowed")
        .hasMessageContaining("ActorSystemOptions.addMessagePackage");
    assertThat(await(Persistence.get(system).journal().read("account-8", 1, 10))).isEmpty();
  }

  @Test
  void persistAllWithOneRefusedEventWritesNoneAndRunsNoHandler(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    ActorRef account = system.actorOf(Account.props("account-11"));
    String refused = await(account.ask(new Account.DepositAllWithForbidden(5, false)));
    assertThat(refused).contains("cannot persist a actors.persistence.outside.NotAllowed");
    Account.State state = await(account.ask(Account.Query.STATE));
    assertThat(state.balance()).as("no handler ran").isZero();
    assertThat(state.lastSequenceNr()).isZero();
    assertThat(await(Persistence.get(system).journal().read("account-11", 1, 10))).as("nothing written").isEmpty();
  }

  @Test
  void persistAllWithOneRefusedEventInAHandlerAddsNothingToWhatWasWritten(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    ActorRef account = system.actorOf(Account.props("account-12"));
    String refused = await(account.ask(new Account.DepositAllWithForbidden(5, true)));
    assertThat(refused).contains("cannot persist a actors.persistence.outside.NotAllowed");
    Account.State state = await(account.ask(Account.Query.STATE));
    assertThat(state.balance()).as("the first deposit only").isEqualTo(5);
    assertThat(state.lastSequenceNr()).isEqualTo(1);
    assertThat(await(Persistence.get(system).journal().read("account-12", 1, 10))).hasSize(1);
  }

  @Test
  void aStoredEventThatCannotBeReadBackFailsRecoveryNamingThePersistenceIdAndSequenceNumber(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    await(Persistence.get(system).journal().append(List.of(
        new StoredEvent("account-13", 1, Account.Deposited.class.getName(), "{\"amount\":2}".getBytes(StandardCharsets.UTF_8)),
        new StoredEvent("account-13", 2, "actors.persistence.outside.NotAllowed", "{\"value\":1}".getBytes(StandardCharsets.UTF_8)))));
    await(Persistence.get(system).journal().append(List.of(
        new StoredEvent("account-14", 1, "java.util.HashMap", "{}".getBytes(StandardCharsets.UTF_8)))));
    TestProbe failures = new TestProbe(system);
    system.eventStream().subscribe(failures.ref(), ActorFailed.class);
    TestProbe watcher = new TestProbe(system);

    ActorRef unreadable = system.actorOf(Account.props("account-13"));
    ActorFailed failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.cause()).isInstanceOf(ActorInitializationException.class)
        .cause().isInstanceOf(PersistenceFailureException.class)
        .hasMessageContaining("account-13").hasMessageContaining("event 2")
        .hasMessageContaining("actors.persistence.outside.NotAllowed");
    watcher.expectTerminated(unreadable); // stopped, not restarted

    ActorRef jdkClass = system.actorOf(Account.props("account-14"));
    failed = failures.expectMsgClass(ActorFailed.class);
    assertThat(failed.cause()).cause().isInstanceOf(PersistenceFailureException.class)
        .hasMessageContaining("account-14").hasMessageContaining("event 1").hasMessageContaining("java.util.HashMap");
    watcher.expectTerminated(jdkClass);
    failures.expectNoMsg(Duration.ofMillis(300)); // no restart loop behind them
  }

  @Test
  void anEventHoldingAClassThatIsNotAllowedIsRefusedBeforeItIsWritten(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    ActorRef account = system.actorOf(Account.props("account-15"));
    String refused = await(account.ask(Account.Forbidden.NESTED));
    assertThat(refused).contains("cannot persist a " + Account.Holding.class.getName()).contains("could not be read back");
    assertThat(await(Persistence.get(system).journal().read("account-15", 1, 10))).isEmpty();
    assertThat(await(account.<Long>ask(new Account.Deposit(3)))).as("the account goes on").isEqualTo(3);
  }

  @Test
  void eventsWrittenByAnOlderClassShapeAreReplayed(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx);
    // An older Deposited: the amount was called "sum", and it had a currency, since dropped.
    byte[] older = "{\"sum\":40,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
    await(Persistence.get(system).journal().append(List.of(
        new StoredEvent("account-9", 1, Account.Deposited.class.getName(), older),
        new StoredEvent("account-9", 2, Account.Deposited.class.getName(), "{\"amount\":2}".getBytes(StandardCharsets.UTF_8)))));
    Account.State state = await(system.actorOf(Account.props("account-9")).ask(Account.Query.STATE));
    assertThat(state.balance()).isEqualTo(42);
  }

  /** A store whose every append fails; reads find nothing. */
  static final class FailingStore implements EventJournal, SnapshotStore {
    final List<StoredEvent> appended = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Future<Void> append(List<StoredEvent> events) {
      return Future.failedFuture(new java.io.IOException("the disk is full"));
    }

    @Override
    public Future<List<StoredEvent>> read(String persistenceId, long fromSequenceNr, int max) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Long> highestSequenceNr(String persistenceId) {
      return Future.succeededFuture(0L);
    }

    @Override
    public Future<Void> deleteTo(String persistenceId, long toSequenceNr) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> save(StoredSnapshot snapshot) {
      return Future.succeededFuture();
    }

    @Override
    public Future<StoredSnapshot> latest(String persistenceId) {
      return Future.succeededFuture();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
