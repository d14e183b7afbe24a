package actors.dispatch.impl;

import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.internal.threadchecker.BlockedThreadChecker;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import io.vertx.core.VertxException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which actor each thread is running, so that Vert.x's blocked-thread warning can name the actor
 * that blocked. As the checker's handler, it logs what Vert.x would, plus the actor's path.
 *
 * <p>A drain records its actor in its thread's slot with an opaque write, which costs no fence;
 * the checker thread reads it with an opaque read, which sees the write eventually: good enough
 * for a warning issued after the thread has been stuck for seconds.
 */
public final class RunningActors implements Handler<BlockedThreadEvent> {

  public static final RunningActors REPORTER = new RunningActors();

  private static final System.Logger LOG = System.getLogger(BlockedThreadChecker.LOGGER_NAME);
  private static final Map<Thread, Slot> SLOTS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final FastThreadLocal<Slot> SLOT = new FastThreadLocal<>() {
    @Override
    protected Slot initialValue() {
      Slot slot = new Slot();
      SLOTS.put(Thread.currentThread(), slot);
      return slot;
    }
  };
  private static final VarHandle MAILBOX;

  static {
    try {
      MAILBOX = MethodHandles.lookup().findVarHandle(Slot.class, "running", Mailbox.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RunningActors() {
  }

  /** The calling thread's slot. */
  static Slot slot() {
    return SLOT.get();
  }

  /**
   * Whether the calling thread is an event loop running no actor: Vert.x code such as a route,
   * an event-bus consumer or a verticle's timer, whose next message comes from the network.
   */
  static boolean inHandlerOnEventLoop() {
    if (!(Thread.currentThread() instanceof FastThreadLocalThread)) {
      return false;
    }
    Slot slot = SLOT.getIfExists();
    return (slot == null || MAILBOX.get(slot) == null) && Context.isOnEventLoopThread();
  }

  /** The mailbox of the actor a thread is running, if any. */
  static Mailbox runningOn(Thread thread) {
    Slot slot = SLOTS.get(thread);
    return slot == null ? null : (Mailbox) MAILBOX.getOpaque(slot);
  }

  @Override
  public void handle(BlockedThreadEvent event) {
    Mailbox running = runningOn(event.thread());
    String message = "Thread " + event.thread().getName() + " has been blocked for " + event.duration() / 1_000_000
        + " ms, time limit is " + event.maxExecTime() / 1_000_000 + " ms"
        + (running == null ? "" : "; it is running " + running.describeOwner());
    if (event.duration() <= event.warningExceptionTime()) {
      LOG.log(System.Logger.Level.WARNING, message);
    } else {
      VertxException stackTrace = new VertxException("Thread blocked");
      stackTrace.setStackTrace(event.thread().getStackTrace());
      LOG.log(System.Logger.Level.WARNING, message, stackTrace);
    }
  }

  /** One thread's running actor. */
  static final class Slot {

    @SuppressWarnings("unused")
    private Mailbox running;

    /** Records {@code mailbox}; returns the one it interrupts (a nested inline drain), if any. */
    Mailbox enter(Mailbox mailbox) {
      Mailbox outer = (Mailbox) MAILBOX.getOpaque(this);
      MAILBOX.setOpaque(this, mailbox);
      return outer;
    }

    void exit(Mailbox outer) {
      MAILBOX.setOpaque(this, outer);
    }
  }
}
