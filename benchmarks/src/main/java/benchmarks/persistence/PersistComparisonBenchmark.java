package benchmarks.persistence;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.impl.Dialect;
import actors.persistence.impl.JdbcStore;
import com.typesafe.config.ConfigFactory;
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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Persisted events per second, ours against Pekko Persistence with its JDBC plugin, on the same
 * PostgreSQL (started by the benchmark on loopback): 1, 100 and 10,000 actors persisting at once,
 * each one event after the other. Ours twice: {@code ours} is what {@code setPostgres} takes
 * (the reactive store of actors-vertx-postgres, on this class path), {@code ours-jdbc} the JDBC
 * store given as the store. Each iteration prints the persist latency, p50 and p99.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PersistComparisonBenchmark {

  static final int EVENTS = 10_000;

  /** The system property naming a file to which every iteration appends its p50 and p99, for {@link PersistRun}. */
  static final String LATENCY_FILE = "persist.latencies";

  @Param({"ours", "ours-jdbc", "pekko"})
  public String platform;

  @Param({"1", "100", "10000"})
  public int actors;

  private EmbeddedPostgres postgres;
  private Vertx vertx;
  private ActorSystem ours;
  private JdbcStore jdbcStore;
  private org.apache.pekko.actor.ActorSystem pekko;
  private final List<Consumer<Writer.Go>> writers = new ArrayList<>();
  private Latencies latencies;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    if (platform.startsWith("ours")) {
      vertx = Vertx.vertx();
      ours = ActorSystem.create(vertx, new ActorSystemOptions().setName("compare")
          .addMessagePackage("benchmarks.persistence"));
      String uri = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
      if (platform.equals("ours-jdbc")) {
        JdbcStore jdbc = JdbcStore.open(vertx, Dialect.POSTGRES, Dialect.postgres(uri), "compare")
            .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        Persistence.start(ours, new PersistenceOptions().setStore(jdbc));
        jdbcStore = jdbc;
      } else {
        Persistence.start(ours, new PersistenceOptions().setPostgres(uri));
      }
      Persistence.get(ours).ready().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      for (int i = 0; i < actors; i++) {
        String id = "writer-" + i;
        ActorRef writer = ours.actorOf(Props.create(Writer.class, () -> new Writer(id)));
        writers.add(writer::tell);
      }
    } else {
      createPekkoSchema();
      pekko = org.apache.pekko.actor.ActorSystem.create("compare", ConfigFactory.parseString(String.join("\n",
          "pekko.loglevel = WARNING",
          "pekko.stdout-loglevel = WARNING",
          "pekko.persistence.journal.plugin = \"jdbc-journal\"",
          "pekko.persistence.snapshot-store.plugin = \"jdbc-snapshot-store\"",
          // Default 1,000: 10,000 actors persisting at once overflow it, and their persists fail.
          "jdbc-journal { slick = ${slick}, bufferSize = 20000 }",
          "jdbc-snapshot-store { slick = ${slick} }",
          "slick {",
          "  profile = \"slick.jdbc.PostgresProfile$\"",
          "  db {",
          "    url = \"jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?reWriteBatchedInserts=true\"",
          "    user = \"postgres\"",
          "    password = \"\"",
          "    driver = \"org.postgresql.Driver\"",
          "    numThreads = 5",
          "    maxConnections = 5",
          "    minConnections = 1",
          "  }",
          "}",
          "pekko.actor.serialization-bindings {",
          "  \"" + PekkoWriter.Counted.class.getName() + "\" = jackson-cbor",
          "}")).withFallback(ConfigFactory.load()).resolve());
      for (int i = 0; i < actors; i++) {
        String id = "writer-" + i;
        org.apache.pekko.actor.ActorRef writer = pekko.actorOf(org.apache.pekko.actor.Props.create(PekkoWriter.class,
            () -> new PekkoWriter(id)));
        writers.add(go -> writer.tell(go, org.apache.pekko.actor.ActorRef.noSender()));
      }
    }
  }

  private void createPekkoSchema() throws Exception {
    String schema;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/postgres/postgres-create-schema.sql")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      for (String sql : schema.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }

  @Setup(Level.Iteration)
  public void newIteration() {
    latencies = new Latencies();
  }

  @TearDown(Level.Iteration)
  public void printLatency() throws IOException {
    latencies.print(platform + " " + actors);
    String file = System.getProperty(LATENCY_FILE);
    if (file != null) {
      latencies.append(Path.of(file));
    }
  }

  /** The events the platform's journal holds now; for the smoke test. */
  long storedEvents() throws Exception {
    String table = platform.startsWith("ours") ? "actors_journal" : "event_journal";
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (ours != null) {
      ours.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (jdbcStore != null) {
        jdbcStore.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    if (pekko != null) {
      pekko.terminate();
      pekko.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    postgres.close();
  }

  /** {@link #EVENTS} events in all, spread over the actors, each persisting its share one after the other. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(EVENTS)
  public void persist() throws Exception {
    CountDownLatch done = new CountDownLatch(actors);
    Writer.Go go = new Writer.Go(EVENTS / actors, latencies, done);
    writers.forEach(writer -> writer.accept(go));
    if (!done.await(180, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the writers did not finish within 180 s");
    }
  }
}
