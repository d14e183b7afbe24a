package actors.dispatch.impl;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The wake-up of a suspended actor by a system message: a suspended mailbox schedules for
 * system messages only, so a Resume or Recreate that arrives while a drain of it is ending must
 * be processed, by that drain or by one it leaves scheduled; a supervision hierarchy would
 * otherwise stay suspended until something else woke it. The drain starts with system message
 * 1; system message 2 arrives meanwhile. The result is the order in which both were processed,
 * once every scheduled drain has run.
 */
@JCStressTest
@Outcome(id = "12", expect = ACCEPTABLE, desc = "both, in order")
@Outcome(id = "1", expect = FORBIDDEN, desc = "lost wake-up: the second left in a suspended mailbox nobody drains")
@Outcome(expect = FORBIDDEN, desc = "out of order or twice")
@State
public class SuspendedSystemWakeUpStress {

  private final StressMailbox mailbox = new StressMailbox();

  public SuspendedSystemWakeUpStress() {
    mailbox.suspend();
    mailbox.enqueue("waits for the resume", null, null);
    mailbox.enqueueSystem(new StressMailbox.Numbered(1)); // schedules the drain that actor `drain` runs
  }

  @Actor
  public void producer() {
    mailbox.enqueueSystem(new StressMailbox.Numbered(2));
  }

  @Actor
  public void drain() {
    mailbox.run();
  }

  @Arbiter
  public void result(I_Result r) {
    mailbox.runScheduledDrains(1);
    r.r1 = mailbox.systemOrder;
  }
}
