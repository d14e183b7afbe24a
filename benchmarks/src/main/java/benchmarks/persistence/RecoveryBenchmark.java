package benchmarks.persistence;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.persistence.Persistence;
import actors.persistence.StoredEvent;
import actors.persistence.StoredSnapshot;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * The recovery of an actor with 100,000 events: from the events alone, or from a snapshot taken
 * after the last of them; on SQLite and on PostgreSQL. One operation starts the actor, waits for
 * it to have recovered and handled a command, and stops it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RecoveryBenchmark {

  static final int HISTORY = 100_000;

  @Param({"sqlite", "postgres"})
  public String store;

  @Param({"false", "true"})
  public boolean snapshot;

  private Vertx vertx;
  private ActorSystem system;
  private EmbeddedPostgres postgres;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    system = ActorSystem.create(vertx, new ActorSystemOptions().setName("recovery-bench")
        .addMessagePackage("benchmarks.persistence"));
    postgres = BenchStores.start(system, store);
    Persistence persistence = Persistence.get(system);
    for (int from = 1; from <= HISTORY; from += 10_000) {
      List<StoredEvent> chunk = new ArrayList<>();
      for (long n = from; n < from + 10_000; n++) {
        chunk.add(new StoredEvent("history", n, Writer.Written.class.getName(), persistence.encode(new Writer.Written(n))));
      }
      persistence.journal().append(chunk).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
    if (snapshot) {
      persistence.snapshotStore().save(new StoredSnapshot("history", HISTORY, Writer.Written.class.getName(),
          persistence.encode(new Writer.Written(HISTORY)))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    system.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    if (postgres != null) {
      postgres.close();
    }
  }

  /** Starts the actor, waits until it has recovered and handled one command, stops it. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void recover() throws Exception {
    ActorRef actor = system.actorOf(Props.create(Writer.class, () -> new Writer("history")));
    CountDownLatch done = new CountDownLatch(1);
    actor.tell(new Writer.Go(0, new Latencies(), done));
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the actor did not recover within 120 s");
    }
    system.stop(actor).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
