package examples.toolkit;

import actors.Actor;
import actors.ActorProxy;
import actors.ActorRef;
import actors.ActorSystem;
import actors.DeadLetter;
import actors.Props;
import actors.Stash;
import actors.dispatch.MailboxOptions;
import actors.dispatch.MailboxOptions.OverflowStrategy;
import actors.event.ActorStopped;
import actors.routing.Routers;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The toolkit in one program: stash, routers, mailboxes, the event stream, graceful stop, proxies. */
public final class Toolkit {

  private Toolkit() {
  }

  // tag::stash[]
  /** Keeps what it is asked to send until its connection (a timer here) is open. */
  public static final class Connection extends Actor implements Stash {
    private enum Connected { INSTANCE }

    @Override
    public void preStart() {
      context().timers().startSingleTimer("connect", Connected.INSTANCE, Duration.ofMillis(50));
    }

    @Override
    protected void receive(Object message) {
      if (message == Connected.INSTANCE) {
        context().become(this::connected);
        unstashAll(); // in the order stashed, with their senders
      } else {
        stash();
      }
    }

    private void connected(Object message) {
      sender().tell("sent " + message, self());
    }
  }
  // end::stash[]

  /** Squares numbers: stands for CPU-bound work. */
  public static final class Squarer extends Actor {
    @Override
    protected void receive(Object message) {
      int n = (Integer) message;
      sender().tell(n * n, self());
    }
  }

  // tag::proxy[]
  /** A typed actor's interface: void methods are tells, Future methods asks. */
  public interface Counter {
    void add(int amount);

    Future<Integer> total();
  }

  /** Its implementation: plain code, run one call at a time on the actor's context. */
  public static final class CounterImpl implements Counter {
    private int total;

    @Override
    public void add(int amount) {
      total += amount;
    }

    @Override
    public Future<Integer> total() {
      return Future.succeededFuture(total);
    }
  }
  // end::proxy[]

  /** Prints what it receives. */
  public static final class Printer extends Actor {
    @Override
    protected void receive(Object message) {
      System.out.println(message);
    }
  }

  public static void main(String[] args) {
    try (ActorSystem system = ActorSystem.create()) {
      ActorRef connection = system.actorOf(Connection::new, "connection");
      System.out.println(connection.ask("a").await() + ", " + connection.ask("b").await());

      // tag::router[]
      ActorRef squarers = system.actorOf(Routers.pool(4, Props.create(Squarer::new)).roundRobin(), "squarers");
      List<Future<Integer>> squares = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        squares.add(squarers.ask(i)); // each to the next of 4 actors, on all event loops
      }
      // end::router[]
      System.out.println("squares " + Future.all(squares).await().list());

      // tag::mailbox[]
      Props latest100 = Props.create(Printer::new)
          .withMailbox(MailboxOptions.bounded(100, OverflowStrategy.DROP_OLD));
      Props urgentFirst = Props.create(Printer::new)
          .withMailbox(MailboxOptions.priority(m -> m.toString().startsWith("urgent") ? 0 : 1));
      // end::mailbox[]
      system.actorOf(latest100, "latest");
      system.actorOf(urgentFirst, "urgent-first");

      // tag::events[]
      ActorRef listener = system.actorOf(Printer::new, "listener");
      system.eventStream().subscribe(listener, ActorStopped.class);
      system.eventStream().subscribe(listener, DeadLetter.class);
      // end::events[]

      // tag::graceful[]
      // After what is already in its mailbox; stop(ref) would not wait for it.
      system.gracefulStop(connection, Duration.ofSeconds(5)).await();
      // end::graceful[]
      connection.tell("too late");
      system.gracefulStop(listener, Duration.ofSeconds(5)).await(); // it has printed what it got

      // tag::use-proxy[]
      ActorRef ref = system.actorOf(ActorProxy.props(Counter.class, CounterImpl::new), "counter");
      Counter counter = ActorProxy.of(ref, Counter.class);
      counter.add(2);
      counter.add(3);
      System.out.println("total " + counter.total().await());
      // end::use-proxy[]
    }
  }
}
