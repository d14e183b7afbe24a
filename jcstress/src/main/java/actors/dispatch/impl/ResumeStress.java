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
import org.openjdk.jcstress.infra.results.I_Result;

import java.util.concurrent.atomic.AtomicInteger;

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

  private static final ContextInternal CONTEXT = ((VertxInternal) Vertx.vertx()).createEventLoopContext();

  private final AtomicInteger scheduled = new AtomicInteger();
  private final ResumingMailbox mailbox = new ResumingMailbox(scheduled);

  public ResumeStress() {
    mailbox.suspend(); // as the actor's thread does when it fails
  }

  @Actor
  public void producer() {
    mailbox.enqueue("message", null);
  }

  /** The supervisor's Resume arrives and its drain runs, as on the actor's context. */
  @Actor
  public void resumeAndDrain() {
    mailbox.enqueueSystem(new Resume());
    mailbox.run();
  }

  @Arbiter
  public void result(I_Result r) {
    for (int ran = 1; ran < scheduled.get(); ran++) {
      mailbox.run();
    }
    r.r1 = mailbox.processed;
  }

  static final class Resume extends SystemMessage {
  }

  /** Resumes on a Resume, counts the user messages, and only counts the drains it is given. */
  static final class ResumingMailbox extends Mailbox {
    int processed;

    ResumingMailbox(AtomicInteger scheduled) {
      super(task -> scheduled.incrementAndGet(), 64, null, new MailboxOptions());
    }

    @Override
    protected void invoke(Object message, ActorRef sender) {
      processed++;
    }

    @Override
    protected void systemInvoke(SystemMessage message) {
      resume();
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
