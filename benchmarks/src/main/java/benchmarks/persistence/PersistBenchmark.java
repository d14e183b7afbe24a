package benchmarks.persistence;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Persisted events per second with 1, 100 and 10,000 persistent actors persisting at once, each
 * one event after the other, on the embedded store (SQLite) and on PostgreSQL (started by the
 * benchmark on loopback from Maven-shipped binaries). One operation is {@link #EVENTS} events in
 * all; each iteration also prints the persist latency (from {@code persist} to its handler),
 * p50 and p99.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PersistBenchmark {

  static final int EVENTS = 10_000;

  @Param({"sqlite", "postgres"})
  public String store;

  @Param({"1", "100", "10000"})
  public int actors;

  private Vertx vertx;
  private ActorSystem system;
  private EmbeddedPostgres postgres;
  private final List<ActorRef> writers = new ArrayList<>();
  private Latencies latencies;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("persist-bench")
        .addMessagePackage("benchmarks.persistence"));
    postgres = BenchStores.start(system, store);
    for (int i = 0; i < actors; i++) {
      String id = "writer-" + i;
      writers.add(system.actorOf(Props.create(Writer.class, () -> new Writer(id))));
    }
  }

  @Setup(Level.Iteration)
  public void newIteration() {
    latencies = new Latencies();
  }

  @TearDown(Level.Iteration)
  public void printLatency() {
    latencies.print(store + " " + actors);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    system.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    if (postgres != null) {
      postgres.close();
    }
  }

  /** {@link #EVENTS} events in all, spread over the actors, each persisting its share one after the other. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(EVENTS)
  public void persist() throws Exception {
    int each = EVENTS / actors;
    CountDownLatch done = new CountDownLatch(actors);
    Writer.Go go = new Writer.Go(each, latencies, done);
    for (ActorRef writer : writers) {
      writer.tell(go);
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the writers did not finish within 120 s");
    }
  }
}
