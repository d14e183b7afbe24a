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
 * Close against a concurrent enqueue: a message sent while the actor stops is a dead letter
 * (or, sent before the close, possibly processed), never stranded in a closed mailbox. The
 * drain processes the Close (system messages go first) with one user message waiting; a second
 * arrives meanwhile. The result is (processed, dead letters) once every scheduled drain has run.
 */
@JCStressTest
@Outcome(id = "0, 2", expect = ACCEPTABLE, desc = "both dead letters")
@Outcome(id = "0, 1", expect = FORBIDDEN, desc = "the second stranded in the closed mailbox")
@Outcome(expect = FORBIDDEN, desc = "processed after the close, or counted twice")
@State
public class CloseStress {

  private final StressMailbox mailbox = new StressMailbox();

  public CloseStress() {
    mailbox.enqueue("first", null, null); // schedules the drain that actor `drain` runs
    mailbox.enqueueSystem(new StressMailbox.Close());
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
    mailbox.runScheduledDrains(1);
    r.r1 = mailbox.processed;
    r.r2 = mailbox.deadLettered;
  }
}
