package actors.cluster;

import actors.testsupport.LoopbackCluster;
import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.AskTimeoutException;
import actors.Directive;
import actors.LogCapture;
import actors.Props;
import actors.Stash;
import actors.SupervisorStrategy;
import actors.Terminated;
import actors.routing.Routers;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.threadchecker.BlockedThreadChecker;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mixed workload on two clustered nodes for a while ({@code -Dsoak.seconds}, 45 by default;
 * 1800 by hand, README's development section): tells and asks, local and across the nodes, asks
 * that time out, actors created and stopped, restarts under a 1% failure rate, watch and
 * unwatch, timers, stash, a router, event-bus requests to an exposed actor, and registry
 * entries. Afterwards nothing may be lost and nothing may leak: every work message sent was
 * processed or is a dead letter; every ask was answered, or timed out where it had to; and
 * after a GC the heap, the threads, the event-bus consumers and the pending timers are back at
 * the level measured before the run (within the bounds below); no blocked-thread warning.
 */
class SoakTest {

  private static final long SECONDS = Long.getLong("soak.seconds", 45);
  private static final long SEED = Long.getLong("soak.seed", System.nanoTime());
  private static final int WORKERS = 16;
  // What may differ after a GC: the JIT's and Hazelcast's own bookkeeping, not a leak per message.
  private static final long HEAP_BOUND = 16L << 20;
  private static final int THREAD_BOUND = 4;

  /** Counted work: processed when its actor's receive gets it, or a dead letter. */
  record Work(long id, boolean fail) {
  }

  enum Control { ARM_TIMER, TICK, OPEN, CLOSE, MUTE }

  record Watch(ActorRef ref) {
  }

  record Unwatch(ActorRef ref) {
  }

  static final class Boom extends RuntimeException {
    Boom() {
      super("injected", null, false, false);
    }
  }

  /** The counters of one run, shared by both nodes (one JVM). */
  static final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final AtomicLong asksAnswered = new AtomicLong();
    final AtomicLong asksTimedOut = new AtomicLong();
    final AtomicLong ticks = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong stopped = new AtomicLong();
    final AtomicLong terminatedSeen = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @Override
    public String toString() {
      return "sent " + sent + ", processed " + processed + ", dead letters " + deadLetters + ", asks answered "
          + asksAnswered + ", asks timed out " + asksTimedOut + ", ticks " + ticks + ", actors created " + created
          + ", stopped " + stopped + ", Terminated seen " + terminatedSeen;
    }
  }

  /** Live event-bus consumers of one Vertx, through Vert.x's metrics SPI. */
  static final class ConsumerCount implements VertxMetricsFactory {
    final AtomicInteger live = new AtomicInteger();

    @Override
    public VertxMetrics metrics(VertxOptions options) {
      return new VertxMetrics() {
        @Override
        public EventBusMetrics<Object> createEventBusMetrics() {
          return new EventBusMetrics<>() {
            @Override
            public Object handlerRegistered(String address) {
              live.incrementAndGet();
              return address;
            }

            @Override
            public void handlerUnregistered(Object handler) {
              live.decrementAndGet();
            }
          };
        }
      };
    }
  }

  private final Counters counters = new Counters();
  private final List<Vertx> vertxes = new ArrayList<>();
  // Names registered for actors that were then stopped; the last few, to look up at the end.
  private final java.util.Deque<Long> registeredNames = new java.util.concurrent.ConcurrentLinkedDeque<>();

  static final class Worker extends Actor {
    private final Counters counters;
    private final Random random = new Random();

    Worker(Counters counters) {
      this.counters = counters;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof Work work) {
        counters.processed.incrementAndGet();
        if (work.fail()) {
          throw new Boom();
        }
        if (sender() != context().system().deadLetters()) {
          sender().tell(work.id(), self());
        }
      } else if (message == Control.ARM_TIMER) {
        context().timers().startSingleTimer("tick", Control.TICK, Duration.ofMillis(1 + random.nextInt(5)));
      } else if (message == Control.TICK) {
        counters.ticks.incrementAndGet();
      }
    }
  }

  /** Keeps work until opened; then processes it and what comes until closed again. */
  static final class Stasher extends Actor implements Stash {
    private final Counters counters;

    Stasher(Counters counters) {
      this.counters = counters;
    }

    @Override
    protected void receive(Object message) {
      if (message == Control.OPEN) {
        context().become(this::open);
        unstashAll();
      } else if (message instanceof Work) {
        stash();
      }
    }

    private void open(Object message) {
      if (message instanceof Work) {
        counters.processed.incrementAndGet();
      } else if (message == Control.CLOSE) {
        context().unbecome();
      }
    }
  }

  static final class Watcher extends Actor {
    private final Counters counters;

    Watcher(Counters counters) {
      this.counters = counters;
    }

    @Override
    protected void receive(Object message) {
      if (message instanceof Watch watch) {
        context().watch(watch.ref());
      } else if (message instanceof Unwatch unwatch) {
        context().unwatch(unwatch.ref());
      } else if (message instanceof Terminated) {
        counters.terminatedSeen.incrementAndGet();
      }
    }
  }

  /** Never answers. */
  static final class Mute extends Actor {
    @Override
    protected void receive(Object message) {
    }
  }

  /** One node: its system, its workers, and what the driver needs of it. */
  final class Node {
    final Vertx vertx;
    final ActorSystem system;
    final ConsumerCount consumers;
    final List<ActorRef> workers = new ArrayList<>();
    ActorRef router;
    ActorRef stasher;
    ActorRef watcher;
    ActorRef mute;

    Node(Vertx vertx, ActorSystem system, ConsumerCount consumers) {
      this.vertx = vertx;
      this.system = system;
      this.consumers = consumers;
    }
  }

  private Node start(String cluster) throws Exception {
    ConsumerCount consumers = new ConsumerCount();
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    Vertx vertx = Vertx.builder().with(options).withMetrics(consumers)
        .withClusterManager(new HazelcastClusterManager(LoopbackCluster.config(cluster)))
        .buildClustered().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertxes.add(vertx);
    ActorSystem system = await(ActorSystem.clustered(vertx, LoopbackCluster.secured(new ActorSystemOptions().setName("soak")
        .addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport").setLogDeadLetters(false))));
    system.addDeadLetterListener(letter -> {
      if (letter.message() instanceof Work) {
        counters.deadLetters.incrementAndGet();
      }
    });
    Node node = new Node(vertx, system, consumers);
    SupervisorStrategy restartOnBoom = SupervisorStrategy.oneForOne(-1, Duration.ofMinutes(1),
        cause -> cause instanceof Boom ? Directive.RESTART : Directive.STOP).withLoggingEnabled(false);
    ActorRef pool = system.actorOf(() -> new Actor() {
      @Override
      public void preStart() {
        for (int i = 0; i < WORKERS; i++) {
          context().actorOf(() -> new Worker(counters), "w" + i);
        }
      }

      @Override
      public SupervisorStrategy supervisorStrategy() {
        return restartOnBoom;
      }

      @Override
      protected void receive(Object message) {
        sender().tell(context().children(), self());
      }
    }, "pool");
    node.workers.addAll(await(pool.<List<ActorRef>>ask("children?")));
    node.router = system.actorOf(Routers.pool(4, Props.create(() -> new Worker(counters))).roundRobin(), "router");
    node.stasher = system.actorOf(() -> new Stasher(counters), "stasher");
    node.watcher = system.actorOf(() -> new Watcher(counters), "watcher");
    node.mute = system.actorOf(Mute::new, "mute");
    return node;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    for (Vertx vertx : vertxes) {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void nothingIsLostAndNothingLeaksUnderAMixedWorkloadOnTwoNodes() throws Exception {
    String cluster = "actors-soak-" + java.util.UUID.randomUUID();
    Node a = start(cluster);
    Node b = start(cluster);
    // Remote references: b's workers as a sees them, through the registry.
    for (int i = 0; i < WORKERS; i++) {
      await(b.system.registry().register("soak-b-w" + i, b.workers.get(i)));
    }
    List<ActorRef> remoteWorkers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      remoteWorkers.add(await(a.system.registry().lookup("soak-b-w" + i)));
    }
    ActorRef remoteMute = b.system.actorOf(Mute::new, "remote-mute");
    MessageConsumer<Object> exposed = await(a.system.expose(a.workers.get(0), "soak.w0"));
    assertThat(exposed.isRegistered()).isTrue();
    try (LogCapture blocked = new LogCapture(BlockedThreadChecker.LOGGER_NAME)) {
      // A short run first, so that what a first run allocates once is in the baseline.
      drive(a, b, remoteWorkers, remoteMute, Duration.ofSeconds(3), new Random(SEED - 1));
      Level before = level(a, b);
      drive(a, b, remoteWorkers, remoteMute, Duration.ofSeconds(SECONDS), new Random(SEED));
      Level after = level(a, b);
      System.out.printf("soak: seed %d, %d s; %s%n  before: %s%n  after:  %s%n", SEED, SECONDS, counters, before, after);
      String where = "seed " + SEED + "; " + counters + "; before " + before + ", after " + after;
      assertThat(counters.unexpected).as(where).isEmpty();
      assertThat(counters.processed.get() + counters.deadLetters.get()).as("processed + dead letters; " + where)
          .isEqualTo(counters.sent.get());
      assertThat(counters.terminatedSeen.get()).as("Terminated for each stopped actor watched; " + where)
          .isEqualTo(counters.stopped.get());
      assertThat(after.consumersA).as("event-bus consumers on a; " + where).isEqualTo(before.consumersA);
      assertThat(after.consumersB).as("event-bus consumers on b; " + where).isEqualTo(before.consumersB);
      assertThat(after.timers).as("pending Vert.x timers; " + where).isLessThanOrEqualTo(before.timers);
      assertThat(after.scheduled).as("scheduled event-loop tasks (ask timeouts); " + where)
          .isLessThanOrEqualTo(before.scheduled);
      List<String> started = new ArrayList<>(after.threadNames());
      before.threadNames().forEach(started::remove);
      assertThat(after.threads).as("threads (started during the run: " + started + "); " + where)
          .isLessThanOrEqualTo(before.threads + THREAD_BOUND);
      assertThat(after.heap).as("heap after GC; " + where).isLessThanOrEqualTo(before.heap + HEAP_BOUND);
      assertThat(blocked.messages()).as("blocked-thread warnings").isEmpty();
      for (long n : registeredNames) {
        Future<ActorRef> gone = a.system.registry().lookup("soak-e" + n);
        assertThat(gone.toCompletionStage().toCompletableFuture().handle((ref, failure) -> failure).get(60, TimeUnit.SECONDS))
            .as("registry entry of stopped soak-e" + n).isInstanceOf(ActorNotFoundException.class);
      }
    }
  }

  /**
   * Runs the workload for {@code duration} from a timer on node a, then waits until every ask,
   * request and stop has ended and every work message is accounted for.
   */
  private void drive(Node a, Node b, List<ActorRef> remoteWorkers, ActorRef remoteMute, Duration duration,
                     Random random) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    Promise<Void> done = Promise.promise();
    long[] ephemeral = {0};
    a.vertx.runOnContext(v -> a.vertx.setPeriodic(2, id -> {
      if (System.nanoTime() > end) {
        a.vertx.cancelTimer(id);
        // Whatever the stasher still holds is processed, and it is left closed.
        a.stasher.tell(Control.OPEN);
        a.stasher.tell(Control.CLOSE);
        done.complete();
        return;
      }
      for (int i = 0; i < 10; i++) {
        operate(a, b, remoteWorkers, remoteMute, random, ephemeral);
      }
    }));
    await(done.future());
    waitFor(() -> counters.inFlight.get() == 0
        && counters.processed.get() + counters.deadLetters.get() == counters.sent.get(), Duration.ofSeconds(30));
  }

  /** One operation, chosen at random; on node a's context. */
  private void operate(Node a, Node b, List<ActorRef> remoteWorkers, ActorRef remoteMute, Random random,
                       long[] ephemeral) {
    int op = random.nextInt(100);
    long id = counters.sent.get();
    if (op < 30) {
      tellWork(a.workers.get(random.nextInt(WORKERS)), new Work(id, random.nextInt(100) == 0));
    } else if (op < 40) {
      tellWork(remoteWorkers.get(random.nextInt(WORKERS)), new Work(id, random.nextInt(100) == 0));
    } else if (op < 50) {
      counters.sent.incrementAndGet();
      ask(a.workers.get(random.nextInt(WORKERS)).ask(new Work(id, false), Duration.ofSeconds(10)), false);
    } else if (op < 55) {
      counters.sent.incrementAndGet();
      ask(remoteWorkers.get(random.nextInt(WORKERS)).ask(new Work(id, false), Duration.ofSeconds(10)), false);
    } else if (op < 57) {
      ask(a.mute.ask(Control.MUTE, Duration.ofMillis(20)), true);
    } else if (op < 58) {
      ask(remoteMute.ask(Control.MUTE, Duration.ofMillis(50)), true);
    } else if (op < 63) {
      tellWork(a.router, new Work(id, false));
    } else if (op < 68) {
      tellWork(a.stasher, new Work(id, false));
    } else if (op < 69) {
      a.stasher.tell(random.nextBoolean() ? Control.OPEN : Control.CLOSE);
    } else if (op < 74) {
      counters.sent.incrementAndGet();
      Vertx from = random.nextBoolean() ? a.vertx : b.vertx;
      ask(from.eventBus().request("soak.w0", new Work(id, false)), false);
    } else if (op < 80) {
      a.workers.get(random.nextInt(WORKERS)).tell(Control.ARM_TIMER);
    } else if (op < 84) {
      ActorRef watched = a.workers.get(random.nextInt(WORKERS));
      a.watcher.tell(new Watch(watched));
      a.watcher.tell(new Unwatch(watched));
    } else if (op < 92) {
      shortLife(a, random, ephemeral[0]++);
    } else {
      tellWork(b.workers.get(random.nextInt(WORKERS)), new Work(id, random.nextInt(100) == 0));
    }
  }

  private void tellWork(ActorRef to, Work work) {
    counters.sent.incrementAndGet();
    to.tell(work);
  }

  private void ask(Future<?> answer, boolean mustTimeOut) {
    counters.inFlight.incrementAndGet();
    answer.onComplete(result -> {
      if (mustTimeOut && result.failed() && result.cause() instanceof AskTimeoutException) {
        counters.asksTimedOut.incrementAndGet();
      } else if (!mustTimeOut && result.succeeded()) {
        counters.asksAnswered.incrementAndGet();
      } else {
        counters.unexpected.add(result.failed() ? result.cause() : new AssertionError("answered: " + result.result()));
      }
      counters.inFlight.decrementAndGet();
    });
  }

  /** An actor that gets a few messages, is watched, registered now and then, and stopped soon. */
  private void shortLife(Node a, Random random, long n) {
    ActorRef actor = a.system.actorOf(() -> new Worker(counters), "e" + n);
    counters.created.incrementAndGet();
    a.watcher.tell(new Watch(actor));
    for (int i = random.nextInt(4); i > 0; i--) {
      tellWork(actor, new Work(counters.sent.get(), false));
    }
    counters.inFlight.incrementAndGet();
    Future<Void> registered = Future.succeededFuture();
    if (n % 50 == 0) {
      registered = a.system.registry().register("soak-e" + n, actor);
      registeredNames.addLast(n);
      if (registeredNames.size() > 20) {
        registeredNames.pollFirst();
      }
    }
    registered.onComplete(r -> a.vertx.setTimer(1 + random.nextInt(5), t -> a.system.stop(actor).onComplete(stop -> {
      if (stop.failed()) {
        counters.unexpected.add(stop.cause());
      }
      if (r.failed()) {
        counters.unexpected.add(r.cause());
      }
      counters.stopped.incrementAndGet();
      // Works sent after the stop are dead letters: a message to an actor that is gone.
      tellWork(actor, new Work(counters.sent.get(), false));
      counters.inFlight.decrementAndGet();
    })));
  }

  private void waitFor(BooleanSupplier condition, Duration patience) throws Exception {
    Promise<Void> met = Promise.promise();
    long deadline = System.nanoTime() + patience.toNanos();
    Vertx vertx = vertxes.get(0);
    vertx.setPeriodic(10, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        met.tryComplete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        met.tryFail(new AssertionError("not quiet within " + patience + ": in flight " + counters.inFlight + "; "
            + counters));
      }
    });
    met.future().toCompletionStage().toCompletableFuture().get(patience.toSeconds() + 10, TimeUnit.SECONDS);
  }

  /**
   * What is measured before and after: after a GC, for heap and threads. The threads are those
   * of the application, but for pools that grow with the load and shrink when idle (after a
   * minute or so): the JVM's JIT compiler threads (a dynamic number), the common pool's workers,
   * and Hazelcast's cached executor ({@code hz.<instance>.cached.thread-N}), seen growing by five
   * during a run on a loaded machine.
   */
  record Level(long heap, int threads, int consumersA, int consumersB, int timers, int scheduled, List<String> threadNames) {
    @Override
    public String toString() {
      return "Level[heap=" + heap + ", threads=" + threads + ", consumersA=" + consumersA + ", consumersB=" + consumersB
          + ", timers=" + timers + ", scheduled=" + scheduled + "]";
    }
  }

  private static List<String> applicationThreads() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> !name.contains("CompilerThread") && !name.startsWith("ForkJoinPool.commonPool-worker")
            && !name.matches("hz\\.[^.]+\\.cached\\.thread-\\d+"))
        .sorted().toList();
  }

  private Level level(Node a, Node b) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    List<String> threads = applicationThreads();
    return new Level(heap, threads.size(), a.consumers.live.get(), b.consumers.live.get(), restingTimers(a, b),
        scheduled(a.vertx) + scheduled(b.vertx), threads);
  }

  /**
   * The fewest timers pending over 20 reads 10 ms apart: the quorum's timers (each node's round,
   * and the check at the end of its right to host) are set again as they fire, so one read may
   * catch one twice; a leak is there at every read.
   */
  private static int restingTimers(Node a, Node b) throws Exception {
    int fewest = Integer.MAX_VALUE;
    for (int read = 0; read < 20; read++) {
      fewest = Math.min(fewest, timers(a.vertx) + timers(b.vertx));
      Thread.sleep(10); // the reads' spacing
    }
    return fewest;
  }

  /** Vert.x keeps no public count of pending timers: its map of them, read by reflection. */
  private static int timers(Vertx vertx) throws Exception {
    Field timeouts = vertx.getClass().getDeclaredField("timeouts");
    timeouts.setAccessible(true);
    return ((Map<?, ?>) timeouts.get(vertx)).size();
  }

  /** Tasks scheduled on the event loops (asks' timeouts are), by reflection on Netty's queue. */
  private static int scheduled(Vertx vertx) throws Exception {
    Field queue = io.netty.util.concurrent.AbstractScheduledEventExecutor.class.getDeclaredField("scheduledTaskQueue");
    queue.setAccessible(true);
    int count = 0;
    for (EventExecutor loop : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      Object tasks = queue.get(loop);
      count += tasks == null ? 0 : ((java.util.Collection<?>) tasks).size();
    }
    return count;
  }
}
