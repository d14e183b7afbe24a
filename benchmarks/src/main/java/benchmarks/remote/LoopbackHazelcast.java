package benchmarks.remote;

import actors.cluster.ClusterSecurityOptions;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.concurrent.TimeUnit;

/** Hazelcast members on 127.0.0.1 (TCP-IP join, no multicast) under a cluster name of their own. */
public final class LoopbackHazelcast {

  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  static {
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private LoopbackHazelcast() {
  }

  /** The benchmark cluster's secret when {@code sealed}; else insecure, for development (no MAC). */
  public static ClusterSecurityOptions security(boolean sealed) {
    return sealed ? new ClusterSecurityOptions().setSecret("benchmark-cluster-secret-0123456789")
        : new ClusterSecurityOptions().setInsecureForDevelopment(true);
  }

  public static HazelcastClusterManager clusterManager(String clusterName) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(5701).setPortAutoIncrement(true).setPortCount(20);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    return new HazelcastClusterManager(config);
  }

  public static VertxOptions vertxOptions() {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    return options;
  }

  static Vertx clusteredVertx(String clusterName) throws Exception {
    return Vertx.builder().with(vertxOptions()).withClusterManager(clusterManager(clusterName)).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
