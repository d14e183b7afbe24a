package benchmarks.persistence;

import actors.ActorSystem;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/** The stores the persistence benchmarks run on: SQLite in a temporary directory, or PostgreSQL started from Maven-shipped binaries. */
final class BenchStores {

  private BenchStores() {
  }

  /**
   * Starts {@code system}'s persistence on {@code store} ({@code sqlite} or {@code postgres}) and
   * waits until it is ready; returns the PostgreSQL server to close after, or null.
   */
  static EmbeddedPostgres start(ActorSystem system, String store) throws Exception {
    EmbeddedPostgres postgres = null;
    if (store.equals("postgres")) {
      postgres = EmbeddedPostgres.builder().start();
      Persistence.start(system, new PersistenceOptions().setPostgres("postgresql://postgres@localhost:" + postgres.getPort()
          + "/postgres"));
    } else {
      Persistence.start(system, new PersistenceOptions().setDirectory(Files.createTempDirectory("persistence-bench")));
    }
    Persistence.get(system).ready().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return postgres;
  }
}
