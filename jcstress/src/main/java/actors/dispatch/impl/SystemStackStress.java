package actors.dispatch.impl;

import actors.ActorRef;
import actors.dispatch.MailboxOptions;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The system-message stack: one producer pushes system messages 1 then 2 while another thread
 * pushes 3 and runs the drain of an earlier one (0); then every drain that was scheduled runs. Each message is processed
 * exactly once, oldest first per producer. The result is (the order processed after 0, as
 * digits; how many were processed).
 */
@JCStressTest
@Outcome(id = {"123, 4", "132, 4", "312, 4"}, expect = ACCEPTABLE, desc = "each once, each producer's order kept")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, or out of order within a producer")
@State
public class SystemStackStress {

  private static final ContextInternal CONTEXT = ((VertxInternal) Vertx.vertx()).createEventLoopContext();

  private final AtomicInteger scheduled = new AtomicInteger();
  private final RecordingMailbox mailbox = new RecordingMailbox(scheduled);

  public SystemStackStress() {
    mailbox.enqueueSystem(new Numbered(0)); // schedules the drain that `secondThenDrain` runs
  }

  @Actor
  public void first() {
    mailbox.enqueueSystem(new Numbered(1));
    mailbox.enqueueSystem(new Numbered(2));
  }

  /** The second producer is the drain's own thread (two actors: the machines have two cores). */
  @Actor
  public void secondThenDrain() {
    mailbox.enqueueSystem(new Numbered(3));
    mailbox.run();
  }

  @Arbiter
  public void result(II_Result r) {
    // Every drain scheduled meanwhile runs now, one after the other, as an executor would.
    for (int ran = 1; ran < scheduled.get(); ran++) {
      mailbox.run();
    }
    r.r1 = mailbox.order;
    r.r2 = mailbox.processed;
  }

  static final class Numbered extends SystemMessage {
    final int number;

    Numbered(int number) {
      this.number = number;
    }
  }

  /** Counts the drains it is given without running them, and records the system messages it processes. */
  static final class RecordingMailbox extends Mailbox {
    int order;
    int processed;

    RecordingMailbox(AtomicInteger scheduled) {
      super(task -> scheduled.incrementAndGet(), 64, null, new MailboxOptions());
    }

    @Override
    protected void invoke(Object message, ActorRef sender) {
    }

    @Override
    protected void systemInvoke(SystemMessage message) {
      int number = ((Numbered) message).number;
      processed++;
      if (number != 0 || processed != 1) {
        order = order * 10 + (number == 0 ? 9 : number); // a late 0 shows as 9: out of order
      }
    }

    @Override
    protected void deadLetter(Object message, ActorRef sender, String reason) {
    }

    @Override
    protected ContextInternal context() {
      return CONTEXT;
    }

    @Override
    protected String ownerPath() {
      return "/user/stress";
    }

    @Override
    protected String describeOwner() {
      return "actor /user/stress";
    }
  }
}
