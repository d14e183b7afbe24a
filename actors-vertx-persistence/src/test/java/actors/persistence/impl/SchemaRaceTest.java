package actors.persistence.impl;

import actors.persistence.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores that start together on a fresh PostgreSQL database: every connection of every node
 * creates the missing tables at once. Three nodes of a cluster raced their CREATE TABLE IF NOT
 * EXISTS in CI, one lost (a duplicate in PostgreSQL's catalog) three times over, and its
 * entities could not recover.
 */
class SchemaRaceTest {

  @Test
  void connectionsThatCreateTheSchemaAtOnceAllSucceed() throws Exception {
    String uri = PostgresServer.freshDatabase("race_" + UUID.randomUUID().toString().replace("-", ""));
    int connections = 24;
    CyclicBarrier start = new CyclicBarrier(connections);
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Connection>> opened = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        opened.add(threads.submit(() -> {
          Link link = new Link(Dialect.POSTGRES, Dialect.postgres(uri), true);
          start.await(30, TimeUnit.SECONDS);
          return link.get();
        }));
      }
      for (Future<Connection> connection : opened) {
        assertThat(connection.get(60, TimeUnit.SECONDS).isValid(5)).isTrue();
        connection.get().close();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
