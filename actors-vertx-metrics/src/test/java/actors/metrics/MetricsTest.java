package actors.metrics;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.Props;
import actors.testsupport.BlockingActor;
import actors.dispatch.Dispatchers;
import actors.metrics.ActorMetrics;
import actors.metrics.ActorMetricsOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metrics on a SimpleMeterRegistry: the counts and tags of a known workload. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsTest {

  /** Answers what it gets; fails on "boom". */
  public static final class Worker extends Actor {
    @Override
    protected void receive(Object message) {
      if (message.equals("boom")) {
        throw new IllegalStateException("boom");
      }
      sender().tell(message, self());
    }
  }

  /** Spends 2 ms in receive (spinning, not sleeping), then answers. */
  public static final class Busy extends Actor {
    @Override
    protected void receive(Object message) {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      sender().tell(message, self());
    }
  }

  /** Never answers. */
  public static final class Silent extends Actor {
    @Override
    protected void receive(Object message) {
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private ActorSystem start(Vertx vertx, ActorMetricsOptions metrics) {
    return ActorSystem.create(vertx, new ActorSystemOptions().setName("metered").setMetricsOptions(metrics));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Waits up to 5 s for {@code timer} to count {@code expected}, then checks it does, exactly. */
  private static void awaitCount(Meter timer, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (countOf(timer) < expected && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(countOf(timer)).isEqualTo(expected);
  }

  /** What a timer or a function timer counted. */
  private static long countOf(Meter timer) {
    return timer instanceof FunctionTimer function ? (long) function.count() : ((Timer) timer).count();
  }

  /** The function timer (count and total time) of the messages of a group. */
  private FunctionTimer functionTimer(String name, String... tags) {
    FunctionTimer timer = registry.find(name).tags(tags).functionTimer();
    assertThat(timer).as(name + " " + String.join(",", tags)).isNotNull();
    return timer;
  }

  private double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private Timer timer(String name, String... tags) {
    Timer timer = registry.find(name).tags(tags).timer();
    assertThat(timer).as(name + " " + String.join(",", tags)).isNotNull();
    return timer;
  }

  private double gauge(String name, String actor) {
    Gauge gauge = registry.find(name).tags(ActorMetrics.ACTOR, actor).gauge();
    assertThat(gauge).as(name + " of " + actor).isNotNull();
    return gauge.value();
  }

  @Test
  void aKnownWorkloadGivesKnownCountsByActorClass(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx, new ActorMetricsOptions().setRegistry(registry));
    String workers = Worker.class.getName();
    List<ActorRef> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(system.actorOf(Props.create(Worker.class)));
    }
    for (int i = 0; i < 100; i++) {
      refs.get(i % 3).tell("tell-" + i);
    }
    for (ActorRef ref : refs) {
      assertThat((String) await(ref.ask("ping"))).isEqualTo("ping"); // behind the tells: all processed
    }
    // A reply can arrive before its receive returns, and the time of that receive is recorded.
    awaitCount(functionTimer(ActorMetrics.MESSAGES_PROCESSED, ActorMetrics.ACTOR, workers, ActorMetrics.SYSTEM, "metered"), 103);
    assertThat(functionTimer(ActorMetrics.MAILBOX_TIME, ActorMetrics.ACTOR, workers).count()).isEqualTo(103);
    assertThat(gauge(ActorMetrics.MAILBOX_SIZE, workers)).isZero();
    assertThat(gauge(ActorMetrics.LIVE, workers)).isEqualTo(3);

    refs.get(0).tell("boom"); // restarted by the default strategy
    assertThat((String) await(refs.get(0).ask("after"))).isEqualTo("after");
    String cause = IllegalStateException.class.getName();
    assertThat(count(ActorMetrics.FAILURES, ActorMetrics.ACTOR, workers, ActorMetrics.CAUSE, cause)).isEqualTo(1);
    assertThat(count(ActorMetrics.RESTARTS, ActorMetrics.ACTOR, workers, ActorMetrics.CAUSE, cause)).isEqualTo(1);

    FunctionTimer processed = functionTimer(ActorMetrics.MESSAGES_PROCESSED, ActorMetrics.ACTOR, workers);
    awaitCount(processed, 105); // "boom" and "after" too
    await(system.stop(refs.get(1)));
    assertThat(count(ActorMetrics.STOPS, ActorMetrics.ACTOR, workers)).isEqualTo(1);
    // What the stopped actor processed stays counted: a total never goes back.
    assertThat(processed.count()).isEqualTo(105);
    assertThat(gauge(ActorMetrics.LIVE, workers)).isEqualTo(2);
    refs.get(1).tell("to the dead");
    assertThat(count(ActorMetrics.DEAD_LETTERS, ActorMetrics.REASON, "recipient_stopped")).isEqualTo(1);

    ActorRef silent = system.actorOf(Props.create(Silent.class));
    assertThatThrownBy(() -> await(silent.ask("anyone?", Duration.ofMillis(100))))
        .hasCauseInstanceOf(AskTimeoutException.class);
    assertThat(count(ActorMetrics.ASKS_SENT)).isEqualTo(5);
    awaitCount(timer(ActorMetrics.ASKS, ActorMetrics.OUTCOME, "answered"), 4); // recorded just after the answer
    Timer timedOut = timer(ActorMetrics.ASKS, ActorMetrics.OUTCOME, "timed_out");
    awaitCount(timedOut, 1);
    assertThat(timedOut.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
    await(system.terminate());
    assertThat(gauge(ActorMetrics.LIVE, workers)).isZero();
  }

  @Test
  void oneMessageInNIsTimedAndStandsForTheOthers(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx, new ActorMetricsOptions().setRegistry(registry).setTimeOneIn(4));
    ActorRef busy = system.actorOf(Props.create(Busy.class));
    for (int i = 0; i < 199; i++) {
      busy.tell(i);
    }
    assertThat((String) await(busy.ask("last"))).isEqualTo("last");
    FunctionTimer processed = functionTimer(ActorMetrics.MESSAGES_PROCESSED, ActorMetrics.ACTOR, Busy.class.getName());
    awaitCount(processed, 200); // every message counted
    assertThat(functionTimer(ActorMetrics.MAILBOX_TIME, ActorMetrics.ACTOR, Busy.class.getName()).count()).isEqualTo(200);
    // About 50 of them timed, drawn at random, each at 2 ms or a little more, each standing for the
    // untimed ones before it: about 400 ms in all, less the untimed tail (50 or more untimed in a
    // row: one chance in a million).
    assertThat(processed.totalTime(TimeUnit.MILLISECONDS)).isBetween(290.0, 2_000.0);
    // The messages waited behind each other: the last about 400 ms, the mean about 200 ms.
    double meanWait = functionTimer(ActorMetrics.MAILBOX_TIME, ActorMetrics.ACTOR, Busy.class.getName())
        .mean(TimeUnit.MILLISECONDS);
    assertThat(meanWait).isBetween(100.0, 2_000.0);
    assertThatThrownBy(() -> new ActorMetricsOptions().setTimeOneIn(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one message timed in how many must be positive, was 0");
    await(system.terminate());
  }

  @Test
  void theMailboxGaugeCountsWhatWaitsBehindAStuckActor(Vertx vertx) throws Exception {
    // Every message timed: with one in 16 drawn at random, none of these 12 may be.
    ActorSystem system = start(vertx, new ActorMetricsOptions().setRegistry(registry).setTimeOneIn(1));
    BlockingActor.arm();
    ActorRef blocker = system.actorOf(Props.create(BlockingActor.class).withDispatcher(Dispatchers.WORKER));
    blocker.tell("block");
    assertThat(BlockingActor.awaitBlocked()).isTrue();
    for (int i = 0; i < 10; i++) {
      blocker.tell(i);
    }
    assertThat(gauge(ActorMetrics.MAILBOX_SIZE, BlockingActor.class.getName())).isEqualTo(10);
    BlockingActor.release();
    assertThat((String) await(blocker.ask("done"))).isEqualTo("done");
    assertThat(gauge(ActorMetrics.MAILBOX_SIZE, BlockingActor.class.getName())).isZero();
    FunctionTimer waited = functionTimer(ActorMetrics.MAILBOX_TIME, ActorMetrics.ACTOR, BlockingActor.class.getName());
    awaitCount(waited, 12); // reported when the actor's turn ends, just after it answered
    // The first message waited for nothing; the ten behind it, until the test released the blocker.
    assertThat(waited.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    await(system.terminate());
  }

  @Test
  void groupsByPathPrefixAndBoundsTheGroups(Vertx vertx) throws Exception {
    ActorSystem system = start(vertx, new ActorMetricsOptions().setRegistry(registry).setGroupByPath(2).setMaxGroups(2));
    system.actorOf(Props.create(Silent.class), "orders");
    system.actorOf(Props.create(Silent.class), "carts");
    system.actorOf(Props.create(Silent.class), "third"); // a third group: in "other"
    for (int i = 0; i < 5; i++) {
      system.actorOf(Props.create(Worker.class), "extra-" + i);
    }
    // Counted by actorOf itself, before it returns.
    assertThat(gauge(ActorMetrics.LIVE, "/user/orders")).isEqualTo(1);
    assertThat(gauge(ActorMetrics.LIVE, "/user/carts")).isEqualTo(1);
    assertThat(gauge(ActorMetrics.LIVE, "other")).isEqualTo(6);
    assertThat(registry.find(ActorMetrics.LIVE).gauges()).hasSize(3);
    await(system.terminate());
  }

  @Test
  void theRegistryOfVertxMetricsIsSharedWhenNoneIsGiven() throws Exception {
    SimpleMeterRegistry shared = new SimpleMeterRegistry();
    Vertx metered = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setRegistryName("actors-metrics-test")))
        .withMetrics(new MicrometerMetricsFactory(shared))
        .build();
    try {
      ActorSystem system = start(metered, new ActorMetricsOptions().setRegistryName("actors-metrics-test"));
      assertThat((String) await(system.actorOf(Props.create(Worker.class)).ask("hi"))).isEqualTo("hi");
      awaitCount(shared.find(ActorMetrics.MESSAGES_PROCESSED).functionTimer(), 1);
      assertThat(shared.getMeters()).anyMatch(meter -> meter.getId().getName().startsWith("vertx."));
      await(system.terminate());
    } finally {
      await(metered.close());
    }
  }

  @Test
  void metricsWithoutARegistryAreRefusedAtCreation(Vertx vertx) {
    assertThatThrownBy(() -> start(vertx, new ActorMetricsOptions().setRegistryName("nobody-has-this")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("actor metrics are on but have no registry: give one with ActorMetricsOptions.setRegistry, "
            + "or run Vert.x with vertx-micrometer-metrics enabled under the registry name 'nobody-has-this'");
    assertThatThrownBy(() -> new ActorMetricsOptions().setGroupByPath(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the path depth of metric groups must be positive, was 0");
  }
}
