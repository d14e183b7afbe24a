package benchmarks.platform;

import org.jctools.queues.MpscUnboundedXaddArrayQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The physical limit of a tell: each receiver is a JCTools MPSC queue, and one thread per core
 * drains the queues of the receivers handed to it round-robin, as ours hands actors to its event
 * loops. A thread whose queues are all empty waits 20 µs for more (ours' default idle spin:
 * busy, then yielding), then parks until a sender that finds it parked unparks it. No actors,
 * no scheduler, no supervision: what handing a message to another thread costs at least on
 * this machine. Tell only; the suite reads every tell figure as a fraction of this one.
 *
 * <p>A thread per receiver, parking as soon as its queue is empty, was the first version: on 2
 * cores its 4 threads and the sender spent the run waking each other, and it ran tells at a
 * quarter to a whole of ours, depending on the host: no limit.
 */
public final class MpscLimit implements Platform {

  private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
  private static final int HOT_SPINS = 64;
  /** Messages a thread takes from one queue before it looks at its next one. */
  private static final int BATCH = 64;

  private final List<Drainer> drainers = new ArrayList<>();
  private int spawned;

  public MpscLimit() {
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      Drainer drainer = new Drainer("mpsc-limit-" + i);
      drainers.add(drainer);
      drainer.thread.start();
    }
  }

  @Override
  public synchronized Ref spawn(Behavior behavior) {
    Drainer drainer = drainers.get(spawned++ % drainers.size());
    Receiver receiver = new Receiver(behavior, drainer);
    drainer.add(receiver);
    return receiver;
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    throw new UnsupportedOperationException("the MPSC limit measures tells only");
  }

  @Override
  public synchronized void close() {
    drainers.forEach(Drainer::stop);
    for (Drainer drainer : drainers) {
      try {
        drainer.thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Receiver implements Ref {

    private static final Replier NO_REPLY = answer -> {
      throw new UnsupportedOperationException("the MPSC limit measures tells only");
    };

    private final MpscUnboundedXaddArrayQueue<Object> queue = new MpscUnboundedXaddArrayQueue<>(1024);
    private final Behavior behavior;
    private final Drainer drainer;

    Receiver(Behavior behavior, Drainer drainer) {
      this.behavior = behavior;
      this.drainer = drainer;
    }

    @Override
    public void tell(Object message) {
      queue.offer(message);
      drainer.wake();
    }

    /** Processes up to {@link #BATCH} messages; whether it found any. */
    boolean drain() {
      int taken = 0;
      Object message;
      while (taken < BATCH && (message = queue.relaxedPoll()) != null) {
        taken++;
        try {
          behavior.receive(message, NO_REPLY);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return taken > 0;
    }
  }

  private static final class Drainer {

    private static final VarHandle PARKED;

    static {
      try {
        PARKED = MethodHandles.lookup().findVarHandle(Drainer.class, "parked", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Thread thread;
    // Written by spawn before the benchmark's first tell, which awaitReady orders after it.
    private volatile Receiver[] receivers = new Receiver[0];
    private volatile boolean parked;
    private volatile boolean stopped;

    Drainer(String name) {
      this.thread = new Thread(this::run, name);
      thread.setDaemon(true);
    }

    synchronized void add(Receiver receiver) {
      Receiver[] more = Arrays.copyOf(receivers, receivers.length + 1);
      more[receivers.length] = receiver;
      receivers = more;
      wake();
    }

    void wake() {
      if (parked && PARKED.compareAndSet(this, true, false)) {
        LockSupport.unpark(thread);
      }
    }

    void stop() {
      stopped = true;
      LockSupport.unpark(thread);
    }

    private boolean drainAll() {
      boolean found = false;
      for (Receiver receiver : receivers) {
        found |= receiver.drain();
      }
      return found;
    }

    private boolean anyWaiting() {
      for (Receiver receiver : receivers) {
        if (!receiver.queue.isEmpty()) {
          return true;
        }
      }
      return false;
    }

    private void run() {
      while (!stopped) {
        if (drainAll()) {
          continue;
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        int spins = 0;
        boolean came;
        while (!(came = anyWaiting()) && System.nanoTime() < deadline) {
          if (++spins < HOT_SPINS) {
            Thread.onSpinWait();
          } else {
            Thread.yield();
          }
        }
        if (came) {
          continue;
        }
        // Parked is set before the queues are looked at again: a sender that enqueued after that
        // look sees it set, and unparks.
        parked = true;
        if (!anyWaiting() && !stopped) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
