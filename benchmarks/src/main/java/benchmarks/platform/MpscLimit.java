package benchmarks.platform;

import org.jctools.queues.MpscUnboundedXaddArrayQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

/**
 * The physical limit of a tell: each receiver is a JCTools MPSC queue drained by a thread of its
 * own, which parks when the queue is empty and is unparked by the sender that finds it parked.
 * No actors, no scheduler, no supervision: what handing a message to another thread costs at
 * least. Tell only; the suite reads every tell figure as a fraction of this one.
 */
public final class MpscLimit implements Platform {

  private final List<Receiver> receivers = new ArrayList<>();

  @Override
  public synchronized Ref spawn(Behavior behavior) {
    Receiver receiver = new Receiver(behavior, "mpsc-limit-" + receivers.size());
    receivers.add(receiver);
    receiver.thread.start();
    return receiver;
  }

  @Override
  public CompletionStage<Object> ask(Ref ref, Object message, Duration timeout) {
    throw new UnsupportedOperationException("the MPSC limit measures tells only");
  }

  @Override
  public synchronized void close() {
    receivers.forEach(Receiver::stop);
    for (Receiver receiver : receivers) {
      try {
        receiver.thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Receiver implements Ref {

    private static final VarHandle PARKED;
    private static final Replier NO_REPLY = answer -> {
      throw new UnsupportedOperationException("the MPSC limit measures tells only");
    };

    static {
      try {
        PARKED = MethodHandles.lookup().findVarHandle(Receiver.class, "parked", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final MpscUnboundedXaddArrayQueue<Object> queue = new MpscUnboundedXaddArrayQueue<>(1024);
    private final Behavior behavior;
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean stopped;

    Receiver(Behavior behavior, String name) {
      this.behavior = behavior;
      this.thread = new Thread(this::drain, name);
      thread.setDaemon(true);
    }

    @Override
    public void tell(Object message) {
      queue.offer(message);
      if (parked && PARKED.compareAndSet(this, true, false)) {
        LockSupport.unpark(thread);
      }
    }

    void stop() {
      stopped = true;
      LockSupport.unpark(thread);
    }

    private void drain() {
      while (!stopped) {
        Object message = queue.relaxedPoll();
        if (message != null) {
          try {
            behavior.receive(message, NO_REPLY);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          continue;
        }
        // Parked is set before the queue is looked at again: a sender that enqueued after that
        // look sees it set, and unparks.
        parked = true;
        if (queue.isEmpty() && !stopped) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
