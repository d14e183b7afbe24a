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
 * Suspension against a concurrent enqueue: a suspended mailbox does not schedule for a user
 * message (the resume will), so a message enqueued while the actor is being resumed must still
 * be processed, by the drain that resumes it or by one it leaves scheduled. The result is how
 * many user messages were processed once every scheduled drain has run.
 */
@JCStressTest
@Outcome(id = "1", expect = ACCEPTABLE, desc = "processed once")
@Outcome(id = "0", expect = FORBIDDEN, desc = "stranded in a resumed mailbox that nobody drains")
@Outcome(expect = FORBIDDEN, desc = "processed more than once")
@State
public class ResumeStress {

  private final StressMailbox mailbox = new StressMailbox();

  public ResumeStress() {
    mailbox.suspend(); // as the actor's thread does when it fails
  }

  @Actor
  public void producer() {
    mailbox.enqueue("message", null, null);
  }

  /** The supervisor's Resume arrives and its drain runs, as on the actor's context. */
  @Actor
  public void resumeAndDrain() {
    mailbox.enqueueSystem(new StressMailbox.Resume());
    mailbox.run();
  }

  @Arbiter
  public void result(I_Result r) {
    mailbox.runScheduledDrains(1);
    r.r1 = mailbox.processed;
  }
}
