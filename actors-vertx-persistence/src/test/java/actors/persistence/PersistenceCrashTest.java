package actors.persistence;

import actors.persistence.impl.Dialect;
import actors.persistence.impl.JdbcStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistent actors in a JVM of their own, on the embedded store and on PostgreSQL (started by
 * the tests on loopback), killed (SIGKILL) at random points while they persist,
 * then started again on the same store, round after round. What must hold: every event whose
 * persist was acknowledged is recovered, and the history of each actor is 1, 2, 3, ... with no
 * gap, no duplicate and no undecodable row; events never acknowledged may be there or not.
 * {@code -Dpersistence.crash.rounds=N} runs more rounds; a failure names its seed
 * ({@code -Dpersistence.crash.seed=S} replays the kill points).
 */
class PersistenceCrashTest {

  private static final int ACTORS = 50;

  @TempDir
  Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everyAcknowledgedEventSurvivesAKillInOrderOnceWithNoGap(String kind) throws Exception {
    String store = kind.equals("sqlite") ? directory.toString()
        : PostgresServer.freshDatabase("crash_" + UUID.randomUUID().toString().replace("-", ""));
    int rounds = Integer.getInteger("persistence.crash.rounds", 4);
    long seed = Long.getLong("persistence.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    List<String> report = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long killAfterAcks = 200 + random.nextInt(5_000);
      Map<String, Long> acknowledgedBefore = new HashMap<>(acknowledged);
      Map<String, Long> recovered = new ConcurrentHashMap<>();
      AtomicLong acks = new AtomicLong();
      Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), store,
          Integer.toString(ACTORS)).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while (acks.get() < killAfterAcks && (line = out.readLine()) != null) {
        assertThat(System.nanoTime()).as("seed %d: the writer acknowledges within 60 s", seed).isLessThan(deadline);
        String[] parts = line.split(" ");
        if (parts[0].equals("ACK")) {
          acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
          acks.incrementAndGet();
        } else if (parts[0].equals("RECOVERED")) {
          recovered.put(parts[1], Long.parseLong(parts[2]));
        } else if (!line.startsWith("SLF4J")) {
          report.add(line);
        }
      }
      writer.destroyForcibly(); // SIGKILL, mid-stream
      writer.waitFor(30, TimeUnit.SECONDS);
      assertThat(acks.get()).as("seed %d, round %d: the writer ran until killed", seed, round).isEqualTo(killAfterAcks);
      for (Map.Entry<String, Long> recovery : recovered.entrySet()) {
        // Everything the rounds before acknowledged, this one recovered.
        assertThat(recovery.getValue()).as("seed %d, round %d: %s recovered", seed, round, recovery.getKey())
            .isGreaterThanOrEqualTo(acknowledgedBefore.getOrDefault(recovery.getKey(), 0L));
      }
      report.add("round " + round + ": killed after " + acks.get() + " acknowledgements; " + recovered.size()
          + " actors had recovered");
    }
    Map<String, Long> stored = verifyHistories(seed, store);
    long atRisk = 0;
    for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
      assertThat(stored.getOrDefault(ack.getKey(), 0L)).as("seed %d: %s holds every acknowledged event", seed, ack.getKey())
          .isGreaterThanOrEqualTo(ack.getValue());
      atRisk += stored.get(ack.getKey()) - ack.getValue();
    }
    System.out.printf("persistence crash test on %s, seed %d: %s; %d events stored in all, %d of them stored but never "
        + "acknowledged%n", kind, seed, report, stored.values().stream().mapToLong(Long::longValue).sum(), atRisk);
  }

  /** Reads every history straight from the store: 1..n each, decodable, in order; returns n per id. */
  private Map<String, Long> verifyHistories(long seed, String store) throws Exception {
    Vertx vertx = Vertx.vertx();
    Map<String, Long> stored = new HashMap<>();
    try {
      JdbcStore journal = (store.startsWith("postgresql://")
          ? JdbcStore.open(vertx, Dialect.POSTGRES, Dialect.postgres(store), "check")
          : JdbcStore.embedded(vertx, directory, "check")).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      for (int i = 0; i < ACTORS; i++) {
        String id = "counter-" + i;
        List<StoredEvent> events = journal.read(id, 1, Integer.MAX_VALUE).toCompletionStage().toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        for (int n = 0; n < events.size(); n++) {
          StoredEvent event = events.get(n);
          assertThat(event.sequenceNr()).as("seed %d: %s has no gap", seed, id).isEqualTo(n + 1);
          assertThat(new String(event.payload(), StandardCharsets.UTF_8)).as("seed %d: %s event %d whole", seed, id, n + 1)
              .isEqualTo("{\"n\":" + (n + 1) + "}");
        }
        stored.put(id, (long) events.size());
      }
      journal.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    return stored;
  }
}
