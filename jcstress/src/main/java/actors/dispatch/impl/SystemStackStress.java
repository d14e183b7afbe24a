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
 * The system-message stack: one producer pushes system messages 1 then 2 while another thread
 * pushes 3 and runs the drain of an earlier one (0); then every drain that was scheduled runs.
 * Each message is processed exactly once, oldest first per producer. The result is (the numbers in the order processed,
 * as digits, 0 first; how many were processed).
 */
@JCStressTest
@Outcome(id = {"123, 4", "132, 4", "312, 4"}, expect = ACCEPTABLE, desc = "each once, each producer's order kept")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, or out of order within a producer")
@State
public class SystemStackStress {

  private final StressMailbox mailbox = new StressMailbox();

  public SystemStackStress() {
    mailbox.enqueueSystem(new StressMailbox.Numbered(0)); // schedules the drain that `secondThenDrain` runs
  }

  @Actor
  public void first() {
    mailbox.enqueueSystem(new StressMailbox.Numbered(1));
    mailbox.enqueueSystem(new StressMailbox.Numbered(2));
  }

  /** The second producer is the drain's own thread (two actors: the machines have two cores). */
  @Actor
  public void secondThenDrain() {
    mailbox.enqueueSystem(new StressMailbox.Numbered(3));
    mailbox.run();
  }

  @Arbiter
  public void result(II_Result r) {
    mailbox.runScheduledDrains(1);
    r.r1 = mailbox.systemOrder;
    r.r2 = mailbox.systemProcessed;
  }
}
