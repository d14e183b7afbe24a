package actors.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.cluster.MessageEncodingException;
import actors.grains.sample.Account;
import actors.grains.sample.AccountGrain;
import actors.grains.sample.BadArgument;
import actors.grains.sample.BadReturn;
import actors.grains.sample.Recorder;
import actors.grains.sample.RecorderGrain;
import actors.internal.Fingerprint;
import actors.internal.WireCodec;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grains on one node (no cluster manager): typed calls, turns, durable state, reminders, refusals. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GrainsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path store;
  private ActorSystem system;
  private Grains grains;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("grains-test")
        .addMessagePackage("actors.grains.sample"));
    Persistence.start(system, new PersistenceOptions().setDirectory(store));
    grains = Grains.get(system);
    await(grains.register(Account.class, AccountGrain::new, new GrainOptions().setReminders(true)));
    await(grains.register(Recorder.class, RecorderGrain::new, new GrainOptions().setCallTimeout(Duration.ofSeconds(3))));
  }

  @AfterEach
  void stop() throws Exception {
    await(system.terminate());
  }

  @Test
  void typedCallsReachOneActivationPerId() throws Exception {
    Account alice = grains.ref(Account.class, "alice");
    assertThat(await(alice.deposit(100))).isEqualTo(100L);
    assertThat(await(grains.ref(Account.class, "alice").deposit(50))).isEqualTo(150L);
    assertThat(await(grains.ref(Account.class, "bob").balance())).isZero();
    assertThat(Grains.idOf(alice)).isEqualTo(new GrainId(Account.class, "alice"));
    assertThat(alice).isEqualTo(grains.ref(Account.class, "alice")).isNotEqualTo(grains.ref(Account.class, "bob"));
    assertThat(alice).hasToString("actors.grains.sample.Account/alice");
  }

  @Test
  void anExceptionReachesTheCallerWithItsClassAndMessage() throws Exception {
    Account carol = grains.ref(Account.class, "carol");
    await(carol.deposit(10));
    assertThatThrownBy(() -> await(carol.withdraw(20))).isInstanceOf(IllegalStateException.class)
        .hasMessage("insufficient funds in carol: 10 < 20");
    // The failure restarted the activation: it read its state again, and goes on.
    assertThat(await(carol.withdraw(5))).isEqualTo(5L);
  }

  @Test
  void aSlowCallHoldsTheNextOneUntilItsFutureCompletes() throws Exception {
    Recorder recorder = grains.ref(Recorder.class, "turns");
    Future<Void> slow = recorder.slow("1", 300);
    Future<Void> quick = grains.ref(Recorder.class, "turns").quick("2");
    await(Future.all(slow, quick));
    assertThat(await(recorder.log())).containsExactly("start 1", "end 1", "quick 2");
  }

  @Test
  void interleavingAndReadOnlyCallsRunBesideOthers() throws Exception {
    Recorder recorder = grains.ref(Recorder.class, "interleave");
    Future<Void> slow = recorder.slow("1", 500);
    await(recorder.peek("2"));
    assertThat(await(recorder.log())).containsExactly("start 1", "peek 2");
    await(slow);
    Future<Void> firstRead = recorder.read("a", 300);
    Future<Void> secondRead = recorder.read("b", 300);
    Future<Void> write = recorder.quick("after reads");
    await(Future.all(firstRead, secondRead, write));
    assertThat(await(recorder.log()).subList(3, 8))
        .containsExactly("read-start a", "read-start b", "read-end a", "read-end b", "quick after reads");
  }

  @Test
  void aReadOnlyCallDoesNotPassACallThatWaits() throws Exception {
    Recorder recorder = grains.ref(Recorder.class, "reads-in-order");
    Future<Void> firstRead = recorder.read("a", 300);
    Future<Void> write = recorder.quick("waits");
    Future<Void> secondRead = recorder.read("b", 10);
    await(Future.all(firstRead, write, secondRead));
    assertThat(await(recorder.log()))
        .containsExactly("read-start a", "read-end a", "quick waits", "read-start b", "read-end b");
  }

  @Test
  void aCallChainThatComesBackIsLetIn() throws Exception {
    Recorder a = grains.ref(Recorder.class, "a");
    Recorder b = grains.ref(Recorder.class, "b");
    assertThat(await(a.ping(b))).isEqualTo("bounced by b");
    assertThat(await(a.log())).containsExactly("ping", "quick bounced", "pong bounced by b");
  }

  @Test
  void aCallFromAnotherChainWaitsForTheTurn() throws Exception {
    Recorder a = grains.ref(Recorder.class, "held");
    Future<Void> slow = a.slow("1", 300);
    // From outside any grain: a new chain, which waits.
    Future<Void> other = a.quick("other");
    await(Future.all(slow, other));
    assertThat(await(a.log())).containsExactly("start 1", "end 1", "quick other");
  }

  @Test
  void aGrainReferenceTravelsInAnArgument() throws Exception {
    Recorder a = grains.ref(Recorder.class, "arg-a");
    Recorder b = grains.ref(Recorder.class, "arg-b");
    await(b.bounce(a));
    assertThat(await(a.log())).containsExactly("quick bounced");
  }

  @Test
  void aThrownExceptionOfARecorderFailsTheCall() {
    Recorder recorder = grains.ref(Recorder.class, "failing");
    assertThatThrownBy(() -> await(recorder.fail("no such thing")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no such thing");
  }

  @Test
  void theStateIsWrittenAndReadBackByTheNextActivation() throws Exception {
    Account dave = grains.ref(Account.class, "dave");
    await(dave.deposit(70));
    await(dave.deposit(30));
    assertThat(await(dave.version())).isEqualTo(2L);
    await(dave.deactivate());
    // The next call activates the grain again: it reads version 2.
    assertThat(await(dave.balance())).isEqualTo(100L);
    assertThat(await(dave.version())).isEqualTo(2L);
  }

  @Test
  void aChangedStateIsWrittenBeforeDeactivation() throws Exception {
    Account erin = grains.ref(Account.class, "erin");
    await(erin.deposit(1));
    erin.setUnwritten(42);
    await(erin.deactivate());
    assertThat(await(erin.balance())).isEqualTo(42L);
    assertThat(await(erin.version())).isEqualTo(2L);
  }

  @Test
  void aWriteFromAStaleVersionIsRefused() throws Exception {
    Account frank = grains.ref(Account.class, "frank");
    await(frank.deposit(5));
    // Another writer wrote version 2 behind the activation's back.
    Persistence persistence = Persistence.get(system);
    await(persistence.journal().append(List.of(new StoredEvent("grain|" + Account.class.getName() + "|frank|account", 2,
        actors.grains.sample.AccountState.class.getName(), persistence.encode(new actors.grains.sample.AccountState(500, 0))))));
    assertThatThrownBy(() -> await(frank.deposit(1))).isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining("as version 2 was refused");
    // The grain was deactivated: its next activation reads the other writer's version.
    assertThat(await(frank.balance())).isEqualTo(500L);
    assertThat(await(frank.version())).isEqualTo(2L);
  }

  @Test
  void aReminderFiresAtItsPeriodAndIsKept() throws Exception {
    Account gina = grains.ref(Account.class, "gina");
    await(gina.deposit(10_000));
    await(gina.startInterest(1000));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (await(gina.interestPaid()) < 2) {
      assertThat(System.nanoTime()).as("two reminders within 10 s").isLessThan(deadline);
      await(Future.future(promise -> system.vertx().setTimer(100, timer -> promise.complete())));
    }
    assertThat(await(gina.balance())).isGreaterThanOrEqualTo(10_201L);
  }

  @Test
  void aCancelledReminderFiresNoMore() throws Exception {
    Account ivy = grains.ref(Account.class, "ivy");
    await(ivy.deposit(100));
    await(ivy.startInterest(1000));
    await(ivy.stopInterest());
    // Two periods and a half: a reminder still registered would have fired twice.
    await(Future.future(promise -> system.vertx().setTimer(2500, timer -> promise.complete())));
    assertThat(await(ivy.interestPaid())).isZero();
  }

  @Test
  void aTestFiresAReminderWithoutWaiting() throws Exception {
    Account hank = grains.ref(Account.class, "hank");
    await(hank.deposit(1000));
    await(GrainTestKit.fireReminder(system, hank, "interest"));
    assertThat(await(hank.interestPaid())).isEqualTo(1);
    assertThat(await(hank.balance())).isEqualTo(1010L);
  }

  @Test
  void writesOfOneStateCompleteOneAfterTheOtherInTheOrderAsked() throws Exception {
    Account jill = grains.ref(Account.class, "jill");
    // Five writes asked at once: each is version n + 1 of the one before, none refused.
    assertThat(await(jill.depositEach(List.of(1L, 2L, 3L, 4L, 5L)))).containsExactly(1L, 2L, 3L, 4L, 5L);
    await(jill.deactivate());
    awaitTrue(() -> AccountGrain.DEACTIVATED.contains("jill 15"), "jill deactivated");
    assertThat(await(jill.balance())).isEqualTo(15L);
    assertThat(await(jill.version())).isEqualTo(5L);
  }

  @Test
  void onActivateRunsAfterTheStateWasReadAndOnDeactivateAfterTheLastCall() throws Exception {
    Account kim = grains.ref(Account.class, "kim");
    assertThat(await(kim.versionAtActivation())).isZero();
    await(kim.deposit(5));
    kim.setUnwritten(7);
    await(kim.deactivate());
    // The state set and not written was written before onDeactivate, which saw it.
    awaitTrue(() -> AccountGrain.DEACTIVATED.contains("kim 7"), "kim deactivated");
    assertThat(await(kim.versionAtActivation())).isEqualTo(2L);
  }

  @Test
  void aFailedFutureFailsOnlyTheCallerAndAThrownExceptionRestartsTheActivation() throws Exception {
    Recorder recorder = grains.ref(Recorder.class, "refusing");
    await(recorder.quick("1"));
    assertThatThrownBy(() -> await(recorder.refuse("no"))).isInstanceOf(IllegalArgumentException.class).hasMessage("no");
    assertThat(await(recorder.log())).containsExactly("quick 1", "refuse no");
    assertThatThrownBy(() -> await(recorder.fail("thrown"))).isInstanceOf(IllegalArgumentException.class);
    // A new instance: what the failed one held in memory is gone.
    assertThat(await(recorder.log())).isEmpty();
  }

  @Test
  void twoChainsThatCallEachOthersGrainsEndWithTheCallTimeout() throws Exception {
    Recorder a = grains.ref(Recorder.class, "cross-a");
    Recorder b = grains.ref(Recorder.class, "cross-b");
    Future<Void> fromA = a.cross(b, 200);
    Future<Void> fromB = b.cross(a, 200);
    assertThatThrownBy(() -> await(fromA)).isInstanceOf(AskTimeoutException.class);
    assertThatThrownBy(() -> await(fromB)).isInstanceOf(AskTimeoutException.class);
    // Once the calls inside timed out too, the turns end and the grains take calls again.
    await(a.quick("after"));
    await(b.quick("after"));
    assertThat(await(a.log())).endsWith("quick after");
  }

  @Test
  void aCallFromTheWireIsReadOnlyForAMethodThisNodeKnowsWithTheDeclaredTypes() throws Exception {
    grains.ref(Account.class, "wire"); // the type is known here once reached
    WireCodec<?> calls = WireCodec.Registry.withId(Fingerprint.of("grains.call"));
    assertThatThrownBy(() -> calls.read(Buffer.buffer().appendLong(42).appendLong(0), null, system))
        .isInstanceOf(MessageEncodingException.class).hasMessageContaining("a grain method this node does not know (id 42)");
    long deposit = Fingerprint.of(Account.class.getName() + "#deposit(long)");
    Buffer stringForLong = Buffer.buffer().appendLong(deposit).appendLong(0).appendByte((byte) 1).appendInt(1).appendString("x");
    assertThatThrownBy(() -> calls.read(stringForLong, null, system)).isInstanceOf(MessageEncodingException.class)
        .hasMessage("a grain call carries a java.lang.String where long is declared");
    Buffer longAndMore = Buffer.buffer().appendLong(deposit).appendLong(0).appendByte((byte) 2).appendLong(5).appendByte((byte) 0);
    assertThatThrownBy(() -> calls.read(longAndMore, null, system)).isInstanceOf(MessageEncodingException.class)
        .hasMessage("1 bytes after the end of a grain call");
  }

  @Test
  void anEmptyOrLongIdIsRefusedWhereTheReferenceIsMade() {
    assertThatThrownBy(() -> grains.ref(Account.class, "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the id of a grain " + Account.class.getName() + " is refused (entityId must not be empty)");
    assertThatThrownBy(() -> grains.ref(Account.class, "x".repeat(300))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255 characters once escaped");
  }

  @Test
  void badRegistrationsAreRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> grains.register(BadReturn.class, context -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method count of grain interface " + BadReturn.class.getName() + " returns int");
    assertThatThrownBy(() -> grains.register(BadArgument.class, context -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method put of grain interface " + BadArgument.class.getName() + " takes java.lang.Object");
    assertThatThrownBy(() -> grains.register(NotAllowed.class, context -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ActorSystemOptions.addMessagePackage(\"actors.grains\")");
    assertThatThrownBy(() -> await(grains.ref(Account.class, "x").startInterest(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder interest of grain "
            + Account.class.getName() + "/x has a period of PT0.001S, shorter than GrainOptions.MIN_REMINDER_PERIOD");
    assertThatThrownBy(() -> grains.register(Account.class, AccountGrain::new, new GrainOptions()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered on this node already");
  }

  /** Not in an allowed package, and wrong besides. */
  interface NotAllowed extends Grain {
    Future<Void> ok();
  }

  /** Waits until {@code condition} holds, looking every 20 ms, at most {@link #WAIT}. */
  private void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, WAIT).isLessThan(deadline);
      await(Future.future(promise -> system.vertx().setTimer(20, timer -> promise.complete())));
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
