package benchmarks.persistence;

import actors.persistence.StoredEvent;
import actors.persistence.impl.JdbcStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded store on SQLite and on H2, through the same JDBC store (group commit on one
 * writer thread), both durable when the process dies: {@code writers} persistence ids appending
 * one event each at once, waited for (events/s is writers x ops/s), and a replay of 1,000
 * events. It chose the embedded default: SQLite.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
public class EmbeddedStoreBenchmark {

  private static final byte[] PAYLOAD = "{\"amount\":100,\"account\":\"a-42\"}".getBytes(StandardCharsets.UTF_8);

  @Param({"h2", "sqlite"})
  public String store;

  @Param({"1", "100"})
  public int writers;

  private Vertx vertx;
  private Path directory;
  private JdbcStore journal;
  private long[] next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    directory = Files.createTempDirectory("store-bench");
    journal = (store.equals("h2") ? JdbcStore.open(vertx, new H2Dialect(), H2Dialect.url(directory), "bench")
        : JdbcStore.embedded(vertx, directory, "bench")).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    next = new long[writers];
    List<StoredEvent> history = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      history.add(new StoredEvent("replayed", i, "Deposited", PAYLOAD));
    }
    journal.append(history).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    journal.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** {@code writers} appends of one event each, at once, all waited for. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void append() throws Exception {
    List<Future<Void>> appends = new ArrayList<>(writers);
    for (int w = 0; w < writers; w++) {
      appends.add(journal.append(List.of(new StoredEvent("writer-" + w, ++next[w], "Deposited", PAYLOAD))));
    }
    Future.all(appends).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** A replay of 1,000 events of one persistence id. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object replay() throws Exception {
    return journal.read("replayed", 1, 1000).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
