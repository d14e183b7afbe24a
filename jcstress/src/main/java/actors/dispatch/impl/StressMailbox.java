package actors.dispatch.impl;

import actors.ActorRef;
import actors.dispatch.MailboxOptions;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailbox for the stress tests: its executor only counts the drains it is given (the test
 * runs them), and it records what it processes: how many user messages, and the numbers of the
 * system messages in the order processed, and how many user messages were dead letters. A
 * {@link Resume} resumes it, a {@link Close} closes it.
 */
class StressMailbox extends Mailbox {

  private static final ContextInternal CONTEXT = ((VertxInternal) Vertx.vertx()).createEventLoopContext();

  /** A system message with a number. */
  static final class Numbered extends SystemMessage {
    final int number;

    Numbered(int number) {
      this.number = number;
    }
  }

  /** The system message that resumes a suspended mailbox. */
  static final class Resume extends SystemMessage {
  }

  /** The system message that closes the mailbox, as the actor's stop does. */
  static final class Close extends SystemMessage {
  }

  final AtomicInteger scheduled;
  int processed;
  int deadLettered;
  int systemProcessed;
  // The numbers of the system messages processed, as decimal digits, oldest first.
  int systemOrder;

  StressMailbox() {
    this(new AtomicInteger());
  }

  private StressMailbox(AtomicInteger scheduled) {
    super(new DrainPolicy(task -> scheduled.incrementAndGet(), 64, null), new MailboxOptions(), null, null);
    this.scheduled = scheduled;
  }

  /** Runs every drain scheduled but not yet run, one after the other, as an executor would; {@code ran} have run. */
  void runScheduledDrains(int ran) {
    for (int drains = ran; drains < scheduled.get(); drains++) {
      run();
    }
  }

  @Override
  protected void invoke(Object message, ActorRef sender) {
    processed++;
  }

  @Override
  protected void systemInvoke(SystemMessage message) {
    systemProcessed++;
    if (message instanceof Resume) {
      resume();
    } else if (message instanceof Close) {
      close();
    } else {
      systemOrder = systemOrder * 10 + ((Numbered) message).number;
    }
  }

  @Override
  protected void deadLetter(Object message, ActorRef sender, String reason) {
    deadLettered++;
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

  @Override
  protected int warningSize() {
    return 0;
  }

  @Override
  protected void fallingBehind(int waiting, int warningSize) {
  }
}
