package examples.backpressure;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Backpressure by asking: a producer keeps at most a window of jobs unanswered, so the slow
 * worker's mailbox never holds more than that window, however many jobs there are.
 */
public final class FlowControl {

  private FlowControl() {
  }

  /** Work that takes a while (a few microseconds here: a database call in real life); answers each job. */
  public static final class Worker extends Actor {
    private long sink;

    @Override
    protected void receive(Object message) {
      long x = sink;
      for (int i = 0; i < 5_000; i++) {
        x = x * 31 + i;
      }
      sink = x;
      sender().tell(message, self());
    }
  }

  // tag::window[]
  /**
   * Sends jobs 0 to total - 1 to a worker, never more than {@code window} of them unanswered:
   * each answer lets the next job go. Start it on a Vert.x context (a verticle, a route, an
   * actor): the answers come back there, one at a time, so its counters need no lock.
   */
  public static final class Window {
    private final ActorRef worker;
    private final int total;
    private final Promise<Void> done = Promise.promise();
    private int sent;
    private int answered;

    public Window(ActorRef worker, int total) {
      this.worker = worker;
      this.total = total;
    }

    /** Completes once every job is answered; fails with the first ask that failed. */
    public Future<Void> start(int window) {
      while (sent < Math.min(window, total)) {
        sendNext();
      }
      return done.future();
    }

    private void sendNext() {
      worker.ask(sent++).onComplete(this::answered);
    }

    private void answered(AsyncResult<Object> answer) {
      if (answer.failed()) {
        done.tryFail(answer.cause());
      } else if (++answered == total) {
        done.complete();
      } else if (sent < total) {
        sendNext();
      }
    }
  }
  // end::window[]

  public static void main(String[] args) {
    try (ActorSystem system = ActorSystem.create()) {
      ActorRef worker = system.actorOf(Worker::new, "worker");
      Promise<Void> finished = Promise.promise();
      system.vertx().runOnContext(v -> new Window(worker, 100_000).start(64).onComplete(finished));
      finished.future().await();
      System.out.println("100000 jobs done, never more than 64 waiting for the worker");
    }
  }
}
