package actors.dispatch.impl;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The mailbox's wake-up: a message enqueued while a drain is ending is either processed by
 * that drain or schedules another; it is never left in a mailbox nobody drains. The drain
 * starts with one message and SCHEDULED set; a producer enqueues a second meanwhile. The
 * result is (messages the drain processed, drains scheduled in all).
 */
@JCStressTest
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "the drain took the second message too")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "the drain ended first; the producer or the drain scheduled another")
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "the drain took both, and a spare drain was scheduled")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "lost wake-up: a message left with no drain to come")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
public class MailboxWakeUpStress {

  private final StressMailbox mailbox = new StressMailbox();

  public MailboxWakeUpStress() {
    mailbox.enqueue("first", null, null); // schedules the drain that actor `drain` runs
  }

  @Actor
  public void producer() {
    mailbox.enqueue("second", null, null);
  }

  @Actor
  public void drain() {
    mailbox.run();
  }

  @Arbiter
  public void result(II_Result r) {
    r.r1 = mailbox.processed;
    r.r2 = mailbox.scheduled.get();
  }
}
