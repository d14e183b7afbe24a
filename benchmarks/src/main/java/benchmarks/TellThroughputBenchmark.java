package benchmarks;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One receiver, 10 million messages from one sender outside the system; messages per second.
 * Ours against the plain Vert.x event bus (one local consumer, {@code send}) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class TellThroughputBenchmark {

  static final int MESSAGES = 10_000_000;
  static final Object MESSAGE = "m";

  private Vertx vertx;
  private ActorSystem system;
  private ActorRef receiver;
  private EventBus eventBus;
  private final DeliveryOptions local = new DeliveryOptions().setLocalOnly(true);
  private volatile CountDownLatch done;

  /** Counts down the latch once every message of the round has arrived. */
  final class Counter extends Actor {
    private int received;

    @Override
    protected void receive(Object message) {
      if (++received == MESSAGES) {
        received = 0;
        done.countDown();
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    system = ActorSystem.create(vertx);
    receiver = system.actorOf(Counter::new, "receiver");
    eventBus = vertx.eventBus();
    int[] received = {0};
    eventBus.localConsumer("receiver", message -> {
      if (++received[0] == MESSAGES) {
        received[0] = 0;
        done.countDown();
      }
    }).completion().await(10, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    system.terminate().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void actorsTell() throws InterruptedException {
    done = new CountDownLatch(1);
    for (int i = 0; i < MESSAGES; i++) {
      receiver.tell(MESSAGE);
    }
    done.await();
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void eventBusSend() throws InterruptedException {
    done = new CountDownLatch(1);
    for (int i = 0; i < MESSAGES; i++) {
      eventBus.send("receiver", MESSAGE, local);
    }
    done.await();
  }
}
