package actors.impl;

import actors.ActorRef;
import actors.MailboxFullException;
import actors.ReceiveTimeout;
import actors.dispatch.MailboxOptions;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.vertx.core.internal.ContextInternal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
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
 */
final class Mailbox extends EnvelopeQueue implements Runnable {

  // Busy-wait iterations (a few microseconds) before the wait yields the core between checks:
  // Vert.x runs more event loops than cores, and a loop that only spins would keep the core from
  // the loop whose actor is about to answer.
  private static final int HOT_SPINS = 64;
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

  private final ActorCell cell;
  private final Executor executor;
  private final int throughput;
  // How long a drain that ran out of messages waits for more before it returns to the event
  // loop; 0 for contexts that are not event loops.
  private final int spinNanos;
  // Non-default mailbox options only; the lock-free queue this mailbox is then stays empty.
  private final ConfiguredQueue configured;
  // Unstashed messages, ahead of the queue; actor thread only, created on first unstash.
  private ArrayDeque<Envelope> front;
  private volatile int status;
  // Newest first; reversed when drained.
  @SuppressWarnings("unused")
  private volatile SystemMessage systemStack;

  Mailbox(ActorCell cell, Executor executor, int throughput, int spinNanos, MailboxOptions options) {
    this.cell = cell;
    this.executor = executor;
    this.throughput = throughput;
    this.spinNanos = spinNanos;
    this.configured = options.isDefault() ? null : new ConfiguredQueue(options);
  }

  /**
   * Enqueues a user message; any thread.
   *
   * @throws MailboxFullException if a full bounded mailbox refuses it
   */
  void enqueue(Object message, ActorRef sender) {
    Envelope envelope = new Envelope(message, sender);
    if (configured == null) {
      offer(envelope);
    } else if (!offerConfigured(envelope)) {
      return;
    }
    int s = status;
    // Suspended: the resume will schedule. Closed: schedule anyway, to dead-letter it.
    if ((s & SCHEDULED) == 0 && (s < SUSPEND_UNIT || (s & CLOSED) != 0)) {
      trySchedule();
    }
  }

  /** Whether the envelope was enqueued; what was dropped instead is a dead letter. */
  private boolean offerConfigured(Envelope envelope) {
    ConfiguredQueue.Rejected rejected = configured.offer(envelope);
    if (rejected == null) {
      return true;
    }
    if (rejected.refuse()) {
      throw new MailboxFullException("the mailbox of " + cell.path() + " is " + rejected.reason() + "; "
          + envelope.message.getClass().getName() + " not enqueued");
    }
    Envelope dropped = rejected.dropped();
    cell.system.deadLetterOffice.publish(dropped.message, dropped.sender, cell.self, rejected.reason());
    return dropped != envelope;
  }

  /**
   * How busy the actor looks, from any thread: 0 when idle (nothing queued, no drain), more the
   * more messages wait, counted up to {@code limit}; above the limit when suspended.
   */
  int loadEstimate(int limit) {
    int s = status;
    if (s >= SUSPEND_UNIT) {
      return limit + 2;
    }
    boolean empty = configured != null ? configured.isEmpty() : isEmpty();
    if (empty) {
      return (s & SCHEDULED) == 0 ? 0 : 1;
    }
    return 1 + (configured != null ? Math.min(limit, configured.size()) : approximateSize(limit));
  }

  /** How many user messages wait; actor thread only (it walks the default queue). */
  int size() {
    int waiting = front == null ? 0 : front.size();
    return waiting + (configured != null ? configured.size() : sizeForConsumer());
  }

  /** Enqueues a system message; any thread. */
  void enqueueSystem(SystemMessage message) {
    SystemMessage head;
    do {
      head = systemStack;
      message.next = head;
    } while (!SYSTEM_STACK.compareAndSet(this, head, message));
    if ((status & SCHEDULED) == 0) {
      trySchedule();
    }
  }

  boolean isSuspended() {
    return status >= SUSPEND_UNIT;
  }

  boolean isClosed() {
    return (status & CLOSED) != 0;
  }

  /** Actor thread only. */
  void suspend() {
    STATUS.getAndAdd(this, SUSPEND_UNIT);
  }

  /** Actor thread only; a no-op when not suspended. */
  void resume() {
    int s;
    do {
      s = status;
      if (s < SUSPEND_UNIT) {
        return;
      }
    } while (!STATUS.compareAndSet(this, s, s - SUSPEND_UNIT));
  }

  /** Actor thread only. After this, user messages go to dead letters. */
  void close() {
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
          executor.execute(this);
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
    ContextInternal context = cell.context;
    ContextInternal previous = context.beginDispatch();
    RunningActors.Slot running = RunningActors.slot();
    ActorCell outer = running.enter(cell);
    try {
      processSystemMessages();
      int budget = throughput;
      while ((status & CLOSED) == 0) {
        budget -= processUserMessages(budget);
        if (budget <= 0 || status >= SUSPEND_UNIT || !awaitWork()) {
          break;
        }
        processSystemMessages();
      }
      if ((status & CLOSED) != 0) {
        drainToDeadLetters();
      }
    } finally {
      running.exit(outer);
      context.endDispatch(previous);
      STATUS.getAndAdd(this, -SCHEDULED);
      if (hasWork()) {
        trySchedule();
      }
    }
  }

  private boolean hasWork() {
    if (systemStack != null) {
      return true;
    }
    int s = status;
    boolean empty = (configured != null ? configured.isEmpty() : isEmpty()) && (front == null || front.isEmpty());
    return !empty && (s < SUSPEND_UNIT || (s & CLOSED) != 0);
  }

  /** Puts messages back at the front, {@code first} first; actor thread only. */
  void returnToFront(List<Envelope> returned) {
    if (front == null) {
      front = new ArrayDeque<>();
    }
    for (int i = returned.size() - 1; i >= 0; i--) {
      front.addFirst(returned.get(i));
    }
  }

  private Envelope next() {
    if (front != null) {
      Envelope returned = front.pollFirst();
      if (returned != null) {
        return returned;
      }
    }
    return configured != null ? configured.poll() : poll();
  }

  /** Processes at most {@code budget} user messages; returns how many it processed. */
  private int processUserMessages(int budget) {
    int processed = 0;
    while (processed < budget && status < SUSPEND_UNIT) {
      Envelope envelope = next();
      if (envelope == null) {
        break;
      }
      processed++;
      Object message = envelope.message;
      ActorRef sender = envelope.sender;
      EnvelopeQueue.release(envelope);
      cell.invoke(message, sender);
      if (systemStack != null) {
        processSystemMessages();
      }
    }
    return processed;
  }

  /**
   * Waits up to {@code spinNanos} for a new message, while no other task waits for this event
   * loop: a reply that comes back within a few microseconds is then processed at once, instead
   * of after the loop has gone to sleep in its selector and been woken up again, which costs
   * tens of microseconds. Producers meanwhile see the mailbox scheduled and only enqueue. The
   * wait busy-spins briefly, then yields the core between checks.
   */
  private boolean awaitWork() {
    if (spinNanos == 0) {
      return false;
    }
    EventExecutor loop = cell.context.nettyEventLoop();
    long deadline = System.nanoTime() + spinNanos;
    int spins = 0;
    do {
      if (systemStack != null || hasUserMessages()) {
        return true;
      }
      if (loop instanceof SingleThreadEventExecutor executor && executor.pendingTasks() > 0) {
        return false; // other actors (or I/O tasks) are waiting for this loop: give it back
      }
      if (++spins < HOT_SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  private boolean hasUserMessages() {
    return !(configured != null ? configured.isEmpty() : isEmpty()) || (front != null && !front.isEmpty());
  }

  private void processSystemMessages() {
    SystemMessage stack;
    while ((stack = (SystemMessage) SYSTEM_STACK.getAndSet(this, null)) != null) {
      SystemMessage message = reverse(stack);
      while (message != null) {
        SystemMessage next = message.next;
        message.next = null;
        cell.systemInvoke(message);
        message = next;
      }
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
      // A stopped actor's timers are cancelled: their messages are not letters to anyone.
      if (!(message instanceof ActorTimers.Tick) && message != ReceiveTimeout.INSTANCE) {
        cell.system.deadLetterOffice.publish(message, sender, cell.self);
      }
    }
  }

  private void drainAfterRejection() {
    try {
      SYSTEM_STACK.getAndSet(this, null);
      drainToDeadLetters();
    } finally {
      STATUS.getAndAdd(this, -SCHEDULED);
    }
  }
}
