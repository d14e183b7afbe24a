package actors;

import actors.dispatch.ControlMessage;
import actors.dispatch.Dispatchers;
import actors.dispatch.MailboxOptions;
import actors.dispatch.MailboxOptions.OverflowStrategy;
import actors.testkit.TestProbe;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest extends SystemTestBase {

  private static final Object GATE = "gate";
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch open = new CountDownLatch(1);
  private final List<Object> received = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  // Counted down by the thousandth message received.
  private final CountDownLatch allReceived = new CountDownLatch(1);

  /**
   * A worker actor with these mailbox options, held at a gate (its first message) until
   * {@link #open} opens: meanwhile its mailbox fills. After the gate it records what it gets and
   * answers "done?" with what it received.
   */
  private ActorRef heldAtTheGate(MailboxOptions options) throws InterruptedException {
    system.addDeadLetterListener(deadLetters::add);
    ActorRef ref = system.actorOf(props((a, m) -> {
      if (m == GATE) {
        entered.countDown();
        assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();
      } else if (m.equals("done?")) {
        a.reply(List.copyOf(received));
      } else {
        received.add(m);
        if (received.size() == 1_000) {
          allReceived.countDown();
        }
      }
    }).withDispatcher(Dispatchers.WORKER).withMailbox(options));
    ref.tell(GATE);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    return ref;
  }

  @AfterEach
  void openTheGate() {
    open.countDown();
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = from; i < to; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  @Test
  void dropNewUnderTenfoldOverloadKeepsTheFirstAndCountsEveryDrop() throws Exception {
    ActorRef ref = heldAtTheGate(MailboxOptions.bounded(1_000, OverflowStrategy.DROP_NEW));
    long before = system.deadLetterCount();
    for (int i = 0; i < 10_000; i++) {
      ref.tell(i);
    }
    // At most 1,000 wait: the other 9,000 were counted as dead letters at once.
    assertThat(system.deadLetterCount() - before).isEqualTo(9_000);
    assertThat(deadLetters).allMatch(letter -> letter.reason().equals("mailbox full (capacity 1000, DROP_NEW)"));
    assertThat(deadLetters.get(0).message()).isEqualTo(1_000);
    open.countDown();
    assertThat(allReceived.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(received).isEqualTo(range(0, 1_000));
  }

  @Test
  void dropOldKeepsTheNewest() throws Exception {
    ActorRef ref = heldAtTheGate(MailboxOptions.bounded(10, OverflowStrategy.DROP_OLD));
    for (int i = 0; i < 100; i++) {
      ref.tell(i);
    }
    assertThat(deadLetters).hasSize(90);
    assertThat(deadLetters.stream().map(DeadLetter::message).toList()).isEqualTo(range(0, 90));
    assertThat(deadLetters).allMatch(letter -> letter.reason().equals("mailbox full (capacity 10, DROP_OLD)"));
    TestProbe probe = new TestProbe(system);
    probe.send(ref, "done?"); // pushes out the oldest of the ten, 90
    open.countDown();
    assertThat(probe.expectMsgClass(List.class)).isEqualTo(range(91, 100));
    assertThat(deadLetters).hasSize(91);
  }

  @Test
  void failRefusesATellAndFailsAnAsk(VertxTestContext test) throws Exception {
    ActorRef ref = heldAtTheGate(MailboxOptions.bounded(1, OverflowStrategy.FAIL));
    ref.tell("fits");
    assertThatThrownBy(() -> ref.tell("one too many"))
        .isInstanceOf(MailboxFullException.class)
        .hasMessageStartingWith("the mailbox of " + ref.path() + " is mailbox full (capacity 1, FAIL)");
    ref.ask("also too many").onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isInstanceOf(MailboxFullException.class);
      assertThat(deadLetters).isEmpty();
      test.completeNow();
    })));
  }

  record Job(int sender, int sequence, int priority) {
  }

  @Test
  void priorityOrdersAcrossConcurrentSendersAndKeepsArrivalOrderAmongEquals() throws Exception {
    ActorRef ref = heldAtTheGate(MailboxOptions.priority(m -> m instanceof Job job ? job.priority() : Integer.MAX_VALUE));
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      int sender = s;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          ref.tell(new Job(sender, i, (i * 7 + sender) % 5));
        }
      });
      thread.start();
      senders.add(thread);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    open.countDown();
    TestProbe probe = new TestProbe(system);
    probe.send(ref, "done?");
    List<?> jobs = probe.expectMsgClass(List.class);
    assertThat(jobs).hasSize(2_000);
    Map<String, Integer> lastSequence = new HashMap<>();
    int lastPriority = -1;
    for (Object o : jobs) {
      Job job = (Job) o;
      assertThat(job.priority()).isGreaterThanOrEqualTo(lastPriority);
      lastPriority = job.priority();
      String senderAndPriority = job.sender() + "/" + job.priority();
      assertThat(job.sequence()).isGreaterThan(lastSequence.getOrDefault(senderAndPriority, -1));
      lastSequence.put(senderAndPriority, job.sequence());
    }
  }

  enum Urgent implements ControlMessage { FIRST, SECOND }

  @Test
  void controlMessagesJumpTheQueueInTheirOwnOrder() throws Exception {
    ActorRef ref = heldAtTheGate(MailboxOptions.controlAware());
    ref.tell("a");
    ref.tell("b");
    ref.tell(Urgent.FIRST);
    ref.tell(Urgent.SECOND);
    open.countDown();
    TestProbe probe = new TestProbe(system);
    probe.send(ref, "done?");
    assertThat(probe.expectMsgClass(List.class)).containsExactly(Urgent.FIRST, Urgent.SECOND, "a", "b");
  }

  @Test
  void aThrowingPriorityFunctionDeadLettersTheMessageAndTheActorGoesOn() {
    system.addDeadLetterListener(deadLetters::add);
    ActorRef ref = system.actorOf(props((a, m) -> a.reply("got " + m)).withMailbox(MailboxOptions.priority(m -> {
      if (m.equals("poison")) {
        throw new IllegalArgumentException("no priority for poison");
      }
      return 0;
    })));
    TestProbe probe = new TestProbe(system);
    probe.send(ref, "poison");
    probe.send(ref, "fine");
    probe.expectMsg("got fine");
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.message()).isEqualTo("poison");
      assertThat(letter.reason()).isEqualTo(
          "the mailbox's priority function threw java.lang.IllegalArgumentException: no priority for poison");
    });
  }

  @Test
  void theSystemDefaultMailboxAppliesWhereThePropsSetNone() throws Exception {
    ActorSystem bounded = ActorSystem.create(vertx, new ActorSystemOptions().setName("bounded")
        .setDefaultMailbox(MailboxOptions.bounded(1, OverflowStrategy.FAIL)));
    CountDownLatch inside = new CountDownLatch(1);
    ActorRef ref = bounded.actorOf(props((a, m) -> {
      inside.countDown();
      open.await(10, TimeUnit.SECONDS);
    }).withDispatcher(Dispatchers.WORKER));
    ref.tell("first");
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    ref.tell("second");
    assertThatThrownBy(() -> ref.tell("third")).isInstanceOf(MailboxFullException.class);
    open.countDown();
    bounded.terminate();
  }

  @Test
  void inspectReportsStateMailboxSizeAndRestarts() {
    ActorRef ref = system.actorOf(props((a, m) -> {
      if (m.equals("fail")) {
        throw new IllegalStateException("restart me");
      }
      a.reply(m);
    }), "inspected");
    assertThat(system.inspect(ref).await())
        .isEqualTo(new ActorInfo("/user/inspected", ActorInfo.State.RUNNING, 0, 0));
    ref.tell("fail");
    TestProbe probe = new TestProbe(system);
    probe.send(ref, "sync");
    probe.expectMsg("sync");
    assertThat(system.inspect(ref).await().restartCount()).isEqualTo(1);
    system.stop(ref).await();
    assertThat(system.inspect(ref).await().state()).isEqualTo(ActorInfo.State.STOPPED);
  }

  @Test
  void badMailboxOptionsAreRefused() {
    assertThatThrownBy(() -> MailboxOptions.bounded(0, OverflowStrategy.DROP_NEW))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("mailbox capacity must be at least 1, was 0");
    assertThatThrownBy(() -> new MailboxOptions().setPriority(null)).isInstanceOf(NullPointerException.class);
    assertThat(new MailboxOptions(MailboxOptions.bounded(5, OverflowStrategy.FAIL).toJson()).getOverflowStrategy())
        .isEqualTo(OverflowStrategy.FAIL);
  }
}
