package actors.testsupport;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.cluster.ClusterSecurityOptions;
import actors.cluster.PartitionOptions;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Clustered actor systems for tests: Hazelcast with TCP-IP join on 127.0.0.1 only (no
 * multicast, no auto-detection), a cluster name of its own per test class so that runs never
 * meet, and a failure detector of a few seconds instead of a minute.
 */
public final class LoopbackCluster {

  // Without a port, Hazelcast tries every port of the range below on that host.
  public static final String MEMBER = "127.0.0.1";
  // Held so that the level stays set: Hazelcast logs every join and partition move at INFO.
  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  static {
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /** The secret of every test cluster's nodes, unless a test says otherwise. */
  public static final String SECRET = "loopback-test-cluster-secret-2026";

  public final String name = "actors-test-" + UUID.randomUUID();

  /**
   * A node for the test messages' packages, with a right to host that lasts 5 s: these nodes
   * share one JVM on as few as 2 cores, where a node that has just joined can take more than the
   * default 1.5 s to answer its first quorum round, and a lone node with the higher id, which
   * needs that answer, would stand down while it joins.
   */
  public ActorSystem start() throws Exception {
    return start(new ActorSystemOptions().setName("cluster-test").addMessagePackage("actors.cluster").addMessagePackage("actors.testsupport")
        .addMessagePackage("actors.sharding") // the test messages of the sharding module
        .setPartitionOptions(new PartitionOptions().setLeaseTime(Duration.ofSeconds(5)).setStopMargin(Duration.ofSeconds(1))));
  }

  /** A node of this cluster with these options; blocks the test thread until it has joined. */
  public ActorSystem start(ActorSystemOptions options) throws Exception {
    return start(name, options);
  }

  public static ActorSystem start(String clusterName, ActorSystemOptions options) throws Exception {
    return start(clusterName, new VertxOptions(), options);
  }

  /**
   * A node of {@code clusterName} with these Vert.x options, its event bus on 127.0.0.1; with
   * {@link #SECRET} unless the options set their own security or the event bus has TLS.
   */
  public static ActorSystem start(String clusterName, VertxOptions vertxOptions, ActorSystemOptions options) throws Exception {
    vertxOptions.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    ActorSystemOptions secured = vertxOptions.getEventBusOptions().isSsl() ? options : secured(options);
    return ActorSystem.clustered(vertxOptions, new HazelcastClusterManager(config(clusterName)), secured)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** {@code options} with {@link #SECRET}, unless they set their own security (a copy). */
  public static ActorSystemOptions secured(ActorSystemOptions options) {
    ClusterSecurityOptions security = options.getClusterSecurity();
    boolean own = security.getSecret() != null || security.isInsecureForDevelopment();
    return own ? options : new ActorSystemOptions(options).setClusterSecurity(new ClusterSecurityOptions().setSecret(SECRET));
  }

  /** {@code options} for a test of what the transport refuses without a secret: insecure, on purpose (a copy). */
  public static ActorSystemOptions insecure(ActorSystemOptions options) {
    return new ActorSystemOptions(options).setClusterSecurity(new ClusterSecurityOptions().setInsecureForDevelopment(true));
  }

  public static Config config(String clusterName) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(5701).setPortAutoIncrement(true).setPortCount(10);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember(MEMBER);
    return config;
  }

  public static void stop(ActorSystem... systems) throws Exception {
    for (ActorSystem system : systems) {
      if (system != null) {
        system.terminate().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    }
  }
}
