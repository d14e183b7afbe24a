package actors.grains;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.cluster.PartitionOptions;
import actors.grains.sample.Account;
import actors.grains.sample.AccountGrain;
import actors.grains.sample.Beacon;
import actors.grains.sample.BeaconGrain;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.testsupport.LoopbackCluster;

import java.time.Duration;

/**
 * A node of the grain tests: it joins cluster {@code args[0]}, keeps its grains' state in the
 * PostgreSQL database at {@code args[1]}, and hosts accounts (with reminders) and beacons
 * (remembered). As a main, in a JVM of its own, it prints {@code READY <nodeId>} and exits when
 * its standard input closes.
 */
public final class GrainNode {

  private GrainNode() {
  }

  /** Starts a node in this JVM; blocks until it has joined and registered its grains. */
  static ActorSystem start(String cluster, String postgres) throws Exception {
    ActorSystem system = LoopbackCluster.start(cluster, new ActorSystemOptions().setName("grains")
        .addMessagePackage("actors.grains.sample")
        .setPartitionOptions(new PartitionOptions().setLeaseTime(Duration.ofSeconds(5)).setStopMargin(Duration.ofSeconds(1))));
    Persistence.start(system, new PersistenceOptions().setPostgres(postgres));
    Grains grains = Grains.get(system);
    grains.register(Account.class, AccountGrain::new, new GrainOptions().setReminders(true)
            .setCallTimeout(Duration.ofSeconds(5)))
        .compose(registered -> grains.register(Beacon.class, BeaconGrain::new, new GrainOptions().setRemembered(true)))
        .toCompletionStage().toCompletableFuture().get();
    return system;
  }

  static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  public static void main(String[] args) throws Exception {
    ActorSystem system = start(args[0], args[1]);
    System.out.println("READY " + system.nodeId());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Nothing to read: only the end of the stream matters.
    }
    System.exit(0);
  }
}
