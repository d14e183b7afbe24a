package actors.dispatch.impl;

import actors.ActorRef;
import actors.MailboxFullException;
import actors.dispatch.MailboxOptions;
import actors.internal.GroupMeters;
import actors.internal.MessageCounts;
import actors.internal.MessageTracing;
import io.vertx.core.internal.ContextInternal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * An actor's mailbox: a lock-free MPSC queue of user messages, a lock-free stack of system
 * messages, and a status word. It is also the drain task its dispatcher runs, so scheduling
 * allocates nothing.
 *
 * <p>Status word: bit 0 {@code SCHEDULED} (a drain is queued on the context or running),
 * bit 1 {@code CLOSED} (the actor has stopped), and above them a suspension count (the actor
 * failed, or its parent did, and processes only system messages). Only the actor's own thread
 * changes the suspension count and {@code CLOSED}; producers only set {@code SCHEDULED}.
 *
 * <p>Lost wake-ups are impossible: a producer publishes its message (a full fence) before it
 * reads the status, and the drain clears {@code SCHEDULED} (a full fence) before it looks at
 * the queues again; whichever comes second sees the other's write and schedules.
 *
 * <p>A closed mailbox still schedules, so messages that race with the stop are drained to dead
 * letters on the actor's thread instead of being stranded: nothing is dropped silently.
 *
 * <p>The mailbox knows nothing of cells: its owner (the cell's own subclass) processes what it
 * takes and says where dead letters go.
 */
public abstract class Mailbox extends EnvelopeQueue implements Runnable {

  // System messages per drain: a bounded slice of the event loop, even for a flood of them.
  private static final int SYSTEM_BUDGET = 1024;
  private static final int SCHEDULED = 1;
  private static final int CLOSED = 2;
  private static final int SUSPEND_UNIT = 4;

  private static final VarHandle STATUS;
  private static final VarHandle SYSTEM_STACK;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATUS = lookup.findVarHandle(Mailbox.class, "status", int.class);
      SYSTEM_STACK = lookup.findVarHandle(Mailbox.class, "systemStack", SystemMessage.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Where the drain runs, its budget and its spin: shared by the actors of a context.
  private final DrainPolicy drain;
  // Options, instruments and unstashed messages; null for a plain mailbox (one field: an idle
  // actor's bytes). Created by the constructor, by meter() before the reference is handed out,
  // or by the actor thread on its first unstash.
  private MailboxExtras extras;
  // Whether the last message enqueued came from Vert.x code on an event loop (a route, say)
  // rather than from an actor or another thread: its successor will come from the network, so
  // the drain does not wait for it, and the loop goes back to its sockets. Written by producers
  // only when it changes, read by the drain: a hint, racy by design.
  private boolean sentByHandler;
  private volatile int status;
  // Taken from the stack but not yet processed, oldest first, when a drain's budget ran out;
  // actor thread only.
  private SystemMessage pendingSystem;
  // Newest first; reversed when drained.
  @SuppressWarnings("unused")
  private volatile SystemMessage systemStack;

  protected Mailbox(DrainPolicy drain, MailboxOptions options, MessageTracing tracing, String pathInMdc) {
    this.drain = drain;
    // Non-default options: the lock-free queue this mailbox is then stays empty.
    ConfiguredQueue configured = options.isDefault() ? null : new ConfiguredQueue(options);
    Instruments instruments = tracing == null && pathInMdc == null ? null : new Instruments(this, null, tracing, pathInMdc);
    this.extras = configured == null && instruments == null ? null : new MailboxExtras(configured, instruments);
  }

  /** Processes one user message; the actor's thread. */
  protected abstract void invoke(Object message, ActorRef sender);

  /** Processes one system message; the actor's thread. */
  protected abstract void systemInvoke(SystemMessage message);

  /**
   * A user message this mailbox cannot deliver: the actor has stopped ({@code reason} null), or
   * a full bounded mailbox dropped it; any thread.
   */
  protected abstract void deadLetter(Object message, ActorRef sender, String reason);

  /** The context the drain runs on. */
  protected abstract ContextInternal context();

  /** Who owns the mailbox, for messages: the actor's path. */
  protected abstract String ownerPath();

  /** Who owns the mailbox, for the blocked-thread warning: the actor and its system. */
  protected abstract String describeOwner();

  /** How many waiting messages mean the actor falls behind; 0: never asked. */
  protected abstract int warningSize();

  /** At least {@code waiting} messages wait, {@code warningSize} or more; the actor's thread. */
  protected abstract void fallingBehind(int waiting, int warningSize);

  /**
   * Enqueues a user message; any thread. {@code trace}: the headers of the trace it belongs to,
   * when they came with it from another node; null for the trace current here, if any.
   *
   * @throws MailboxFullException if a full bounded mailbox refuses it
   */
  public void enqueue(Object message, ActorRef sender, Map<String, String> trace) {
    MailboxExtras extras = this.extras;
    if (extras == null) {
      offer(new Envelope(message, sender));
    } else {
      Envelope envelope = extras.instruments == null ? new Envelope(message, sender)
          : extras.instruments.envelope(message, sender, trace, this);
      if (extras.configured == null) {
        offer(envelope);
      } else if (!extras.offerConfigured(this, envelope)) {
        return;
      }
    }
    if (drain.idleSpin() != null) {
      boolean fromHandler = RunningActors.inHandlerOnEventLoop();
      if (fromHandler != sentByHandler) {
        sentByHandler = fromHandler;
      }
    }
    int s = status;
    // Suspended: the resume will schedule. Closed: schedule anyway, to dead-letter it.
    if ((s & SCHEDULED) == 0 && (s < SUSPEND_UNIT || (s & CLOSED) != 0)) {
      trySchedule();
    }
  }

  /**
   * How busy the actor looks, from any thread: 0 when idle (nothing queued, no drain), more the
   * more messages wait, counted up to {@code limit}; above the limit when suspended.
   */
  public int loadEstimate(int limit) {
    int s = status;
    if (s >= SUSPEND_UNIT) {
      return limit + 2;
    }
    MailboxExtras extras = this.extras;
    if (extras == null ? isEmpty() : extras.queueEmpty(this)) {
      return (s & SCHEDULED) == 0 ? 0 : 1;
    }
    return 1 + queued(limit, false);
  }

  /** Measures with {@code meters} from now on; called before the actor's reference is handed out. */
  public void meter(GroupMeters meters) {
    if (extras == null) {
      extras = new MailboxExtras(null, null);
    }
    Instruments before = extras.instruments;
    extras.instruments = before == null ? new Instruments(this, meters, null, null) : before.measuredBy(meters);
  }

  private Instruments instruments() {
    MailboxExtras extras = this.extras;
    return extras == null ? null : extras.instruments;
  }

  private int queued(int limit, boolean exact) {
    MailboxExtras extras = this.extras;
    return extras != null ? extras.queued(this, limit, exact) : exact ? sizeForConsumer() : approximateSize(limit);
  }

  private int unstashed() {
    MailboxExtras extras = this.extras;
    return extras == null ? 0 : extras.unstashed();
  }

  /** The meters of the actor's group; null while metrics are off. */
  public GroupMeters meters() {
    Instruments instruments = instruments();
    return instruments == null ? null : instruments.meters(); // set once, before anyone asks
  }

  /** How many user messages wait; actor thread only (it walks the default queue). */
  public int size() {
    return unstashed() + queued(Integer.MAX_VALUE, true);
  }

  /** Roughly how many user messages wait (unstashed ones aside), up to {@code limit}; any thread, the actor runs on. */
  public int sizeEstimate(int limit) {
    return queued(limit, false);
  }

  /** What the metrics read of the actor's messages when scraped; null while they are off. */
  public MessageCounts counts() {
    return meters() == null ? null : instruments();
  }

  /** Enqueues a system message; any thread. */
  public void enqueueSystem(SystemMessage message) {
    SystemMessage head;
    do {
      head = systemStack;
      message.next = head;
    } while (!SYSTEM_STACK.compareAndSet(this, head, message));
    if ((status & SCHEDULED) == 0) {
      trySchedule();
    }
  }

  /** How many suspensions are held: the units of failures and {@code Suspend}s not yet given back. */
  public int suspensionCount() {
    return status / SUSPEND_UNIT;
  }

  public boolean isSuspended() {
    return status >= SUSPEND_UNIT;
  }

  public boolean isClosed() {
    return (status & CLOSED) != 0;
  }

  /** Actor thread only. */
  public void suspend() {
    STATUS.getAndAdd(this, SUSPEND_UNIT);
  }

  /** Actor thread only; a no-op when not suspended. */
  public void resume() {
    int s;
    do {
      s = status;
      if (s < SUSPEND_UNIT) {
        return;
      }
    } while (!STATUS.compareAndSet(this, s, s - SUSPEND_UNIT));
  }

  /** Actor thread only. After this, user messages go to dead letters. */
  public void close() {
    int s;
    do {
      s = status;
    } while (!STATUS.compareAndSet(this, s, s | CLOSED));
  }

  private void trySchedule() {
    for (;;) {
      int s = status;
      if ((s & SCHEDULED) != 0) {
        return;
      }
      if (STATUS.compareAndSet(this, s, s | SCHEDULED)) {
        try {
          drain.executor().execute(this);
        } catch (RejectedExecutionException e) {
          // The event loop is gone (Vert.x closed): no drain will ever run, so this thread,
          // which holds SCHEDULED and is therefore the only consumer, dead-letters the rest.
          drainAfterRejection();
        }
        return;
      }
    }
  }

  @Override
  public void run() {
    ContextInternal context = context();
    ContextInternal previous = context.beginDispatch();
    RunningActors.Slot running = RunningActors.slot();
    Mailbox outer = running.enter(this);
    try {
      // System messages always go first: while some wait, no user message is processed.
      boolean systemDone = processSystemMessages();
      int budget = drain.throughput();
      IdleSpin idleSpin = drain.idleSpin(); // how a drain that ran out of messages waits for more, or null
      long spinDeadline = 0; // set when the turn first runs out of messages
      Instruments instruments = instruments();
      while (systemDone && (status & CLOSED) == 0) {
        int processed = processUserMessages(budget);
        budget -= processed;
        if (instruments != null) { // it reports the turn's messages to the meters at once
          instruments.turnEnded(processed);
        }
        if (budget <= 0) {
          // A turn used up: the only drains whose actor may be falling behind.
          BacklogSampling.sample(this);
          break;
        }
        if (status >= SUSPEND_UNIT || pendingSystem != null || idleSpin == null || sentByHandler) {
          break;
        }
        if (spinDeadline == 0) {
          spinDeadline = idleSpin.deadline();
        }
        if (!idleSpin.awaitWork(this, spinDeadline)) {
          break;
        }
        systemDone = processSystemMessages();
      }
      if ((status & CLOSED) != 0) {
        drainToDeadLetters();
      }
    } finally {
      running.exit(outer);
      context.endDispatch(previous);
      dropStub(); // an idle actor keeps no node
      STATUS.getAndAdd(this, -SCHEDULED);
      if (hasWork()) {
        trySchedule();
      }
    }
  }

  private boolean hasWork() {
    if (systemStack != null || pendingSystem != null) {
      return true;
    }
    int s = status;
    return hasUserMessages() && (s < SUSPEND_UNIT || (s & CLOSED) != 0);
  }

  /** Tells the owner if {@link #warningSize()} messages or more wait; the actor's thread. */
  void checkBacklog() {
    int limit = warningSize();
    if (limit == 0) {
      return;
    }
    int waiting = unstashed() + queued(limit, false);
    if (waiting >= limit) {
      fallingBehind(waiting, limit);
    }
  }

  /** Puts messages back at the front, {@code first} first; actor thread only. */
  public void returnToFront(List<Envelope> returned) {
    if (extras == null) {
      extras = new MailboxExtras(null, null); // producers that see it late see no options, as before
    }
    extras.returnToFront(returned);
  }

  private Envelope next() {
    MailboxExtras extras = this.extras;
    return extras == null ? poll() : extras.next(this);
  }

  /** Processes at most {@code budget} user messages; returns how many it processed. */
  private int processUserMessages(int budget) {
    Instruments instruments = instruments();
    int processed = 0;
    while (processed < budget && status < SUSPEND_UNIT && pendingSystem == null) {
      Envelope envelope = next();
      if (envelope == null) {
        break;
      }
      processed++;
      if (instruments != null && instruments.takes(envelope)) {
        instruments.invoke(this, envelope, processed);
      } else {
        Object message = envelope.message;
        ActorRef sender = envelope.sender;
        EnvelopeQueue.release(envelope);
        invoke(message, sender);
      }
      if (systemStack != null) {
        processSystemMessages();
      }
    }
    return processed;
  }

  /** Whether a message waits, system or user; any thread, a hint for the idle spin. */
  boolean hasMessages() {
    return systemStack != null || pendingSystem != null || hasUserMessages();
  }

  private boolean hasUserMessages() {
    MailboxExtras extras = this.extras;
    return extras == null ? !isEmpty() : !extras.queueEmpty(this) || extras.unstashed() > 0;
  }

  /**
   * Processes system messages, oldest first, at most {@value #SYSTEM_BUDGET} in one drain:
   * true when none is left. What the budget leaves waits in {@code pendingSystem} for the next
   * drain, ahead of any that arrive meanwhile, so a parent told that a million children have
   * stopped yields its event loop between slices of them.
   */
  private boolean processSystemMessages() {
    int budget = SYSTEM_BUDGET;
    SystemMessage message = pendingSystem;
    pendingSystem = null;
    for (;;) {
      if (message == null) {
        SystemMessage stack = (SystemMessage) SYSTEM_STACK.getAndSet(this, null);
        if (stack == null) {
          return true;
        }
        message = reverse(stack);
      }
      if (budget-- == 0) {
        pendingSystem = message;
        return false;
      }
      SystemMessage next = message.next;
      message.next = null;
      systemInvoke(message);
      message = next;
    }
  }

  private static SystemMessage reverse(SystemMessage stack) {
    SystemMessage reversed = null;
    while (stack != null) {
      SystemMessage next = stack.next;
      stack.next = reversed;
      reversed = stack;
      stack = next;
    }
    return reversed;
  }

  private void drainToDeadLetters() {
    Envelope envelope;
    while ((envelope = next()) != null) {
      Object message = envelope.message;
      ActorRef sender = envelope.sender;
      EnvelopeQueue.release(envelope);
      deadLetter(message, sender, null);
    }
  }

  private void drainAfterRejection() {
    try {
      SYSTEM_STACK.getAndSet(this, null);
      pendingSystem = null;
      drainToDeadLetters();
    } finally {
      STATUS.getAndAdd(this, -SCHEDULED);
    }
  }
}
