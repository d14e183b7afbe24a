package examples.supervision;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Directive;
import actors.Kill;
import actors.SupervisorStrategy;
import actors.Supervised;
import actors.SupervisorVerticle;
import actors.Terminated;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A supervision tree: a flaky worker actor restarted with back-off, a watcher that hears when
 * an actor dies, and a {@link SupervisorVerticle} restarting a plain verticle that fails.
 * Run it with {@code mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=examples.supervision.SupervisionTree}.
 */
public final class SupervisionTree {

  private SupervisionTree() {
  }

  // tag::flaky[]
  /** Fails on every "job" it cannot do; its supervisor restarts it. */
  public static final class FlakyWorker extends Actor {

    @Override
    public void preStart() {
      System.out.println("worker started");
    }

    @Override
    protected void receive(Object message) {
      if (message.equals("bad job")) {
        throw new IllegalStateException("cannot do " + message);
      }
      System.out.println("worker did " + message);
      sender().tell("done: " + message, self());
    }
  }

  /** Supervises the worker: restart on any exception, at most 5 times a minute, with back-off. */
  public static final class WorkerSupervisor extends Actor {

    @Override
    public void preStart() {
      context().actorOf(FlakyWorker::new, "worker");
    }

    @Override
    protected void receive(Object message) {
      context().child("worker").orElseThrow().forward(message, context());
    }

    // tag::strategy[]
    @Override
    public SupervisorStrategy supervisorStrategy() {
      // At most 5 restarts a minute, waiting 50 ms, 100 ms, 200 ms ... (at most 1 s) before each.
      return SupervisorStrategy.oneForOne(5, Duration.ofMinutes(1), cause -> Directive.RESTART)
          .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0.2);
    }
    // end::strategy[]
  }
  // end::flaky[]

  // tag::watcher[]
  /** Watches an actor and reports when it has stopped. */
  public static final class Watcher extends Actor {
    private final Promise<Void> sawIt;

    public Watcher(Promise<Void> sawIt) {
      this.sawIt = sawIt;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof ActorRef target) {
        context().watch(target);
        sender().tell("watching", self());
      } else if (message instanceof Terminated terminated) {
        System.out.println("watcher saw " + terminated.actor().path() + " terminate");
        sawIt.complete();
      } else {
        unhandled(message);
      }
    }
  }
  // end::watcher[]

  // tag::verticle[]
  /** A verticle whose first instance loses its (pretend) connection and reports it. */
  public static final class ConnectionVerticle extends VerticleBase implements Supervised {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final int instance = INSTANCES.incrementAndGet();
    private final Promise<Void> secondStarted;
    private Handler<Throwable> reportFailure;

    public ConnectionVerticle(Promise<Void> secondStarted) {
      this.secondStarted = secondStarted;
    }

    @Override
    public void supervisedBy(Handler<Throwable> failureReporter) {
      this.reportFailure = failureReporter;
    }

    @Override
    public Future<?> start() {
      System.out.println("connection verticle " + instance + " started");
      if (instance == 1) {
        vertx.setTimer(10, id -> reportFailure.handle(new IllegalStateException("connection lost")));
      } else {
        secondStarted.tryComplete();
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
      System.out.println("connection verticle " + instance + " stopped");
      return Future.succeededFuture();
    }
  }
  // end::verticle[]

  /** Runs the three scenes, printing what happens, and shuts down. */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    try (ActorSystem system = ActorSystem.create(vertx)) {
      // tag::main[]
      ActorRef supervisor = system.actorOf(WorkerSupervisor::new, "supervisor");
      supervisor.tell("bad job");
      System.out.println(supervisor.ask("good job").await());

      Promise<Void> sawIt = Promise.promise();
      ActorRef watcher = system.actorOf(() -> new Watcher(sawIt), "watcher");
      ActorRef doomed = system.actorOf(FlakyWorker::new, "doomed");
      watcher.ask(doomed).await();
      doomed.tell(Kill.INSTANCE);
      sawIt.future().await();

      Promise<Void> secondStarted = Promise.promise();
      vertx.deployVerticle(new SupervisorVerticle(SupervisorStrategy.defaultStrategy().withLoggingEnabled(false))
          .addChild("connection", () -> new ConnectionVerticle(secondStarted))).await();
      secondStarted.future().await();
      // end::main[]
    } finally {
      vertx.close().await();
    }
  }
}
