package benchmarks;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.routing.Routers;
import io.vertx.core.Vertx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU-bound work (about 20 µs a message) sent from outside to one actor, or to a round-robin
 * pool of 4 routees spread over the event loops; messages per second. On 2 cores the pool should
 * approach twice the single actor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RouterPoolBenchmark {

  static final int MESSAGES = 20_000;
  static final int WORK = 20_000;

  @Param({"single", "pool"})
  public String target;

  private Vertx vertx;
  private ActorSystem system;
  private ActorRef ref;
  private final AtomicInteger received = new AtomicInteger();
  private volatile CountDownLatch done;

  /** Burns CPU for each message, then counts it. */
  final class Worker extends Actor {
    @Override
    protected void receive(Object message) {
      Blackhole.consumeCPU(WORK);
      if (received.incrementAndGet() == MESSAGES) {
        received.set(0);
        done.countDown();
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    vertx = Vertx.vertx();
    system = ActorSystem.create(vertx);
    Props worker = Props.create(Worker::new);
    ref = system.actorOf(target.equals("pool") ? Routers.pool(4, worker).roundRobin() : worker, "target");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    system.terminate().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void work() throws InterruptedException {
    done = new CountDownLatch(1);
    for (int i = 0; i < MESSAGES; i++) {
      ref.tell(i);
    }
    done.await();
  }
}
