package actors.persistence;

import actors.ActorSystem;

import java.util.concurrent.TimeUnit;

/** For {@link PostgresStoreTest}, in a JVM without any PostgreSQL client: prints why the store failed. */
public final class NoPostgresClient {

  private NoPostgresClient() {
  }

  public static void main(String[] args) throws Exception {
    try (ActorSystem system = ActorSystem.create()) {
      Throwable failure = Persistence.start(system, new PersistenceOptions().setPostgres("postgresql://u@localhost:1/db"))
          .ready().toCompletionStage().toCompletableFuture().handle((ready, error) -> error).get(30, TimeUnit.SECONDS);
      System.out.println("FAILED " + (failure == null ? "not" : failure.getMessage()));
    }
  }
}
