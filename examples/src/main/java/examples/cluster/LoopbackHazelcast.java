package examples.cluster;

import actors.cluster.ClusterSecurityOptions;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

import java.util.List;

/** Hazelcast for the cluster examples: on 127.0.0.1 only, joining the given members over TCP; and who may join. */
public final class LoopbackHazelcast {

  private LoopbackHazelcast() {
  }

  /** A member of {@code clusterName} on 127.0.0.1 at {@code port}, joining {@code members} ({@code host:port}). */
  public static Config config(String clusterName, int port, List<String> members) {
    // tag::hazelcast[]
    Config config = ConfigUtil.loadConfig(); // Vert.x's defaults for its own maps, then:
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    // end::hazelcast[]
    return config;
  }

  // tag::security[]
  /**
   * The cluster secret from the environment variable {@value #SECRET_VARIABLE}, shared by every
   * node: without it the example runs insecure, for development on this machine, and logs a
   * warning saying so. In production, read the secret from your secret store.
   */
  public static ClusterSecurityOptions security() {
    String secret = System.getenv(SECRET_VARIABLE);
    return secret != null ? new ClusterSecurityOptions().setSecret(secret)
        : new ClusterSecurityOptions().setInsecureForDevelopment(true);
  }
  // end::security[]

  /** The environment variable that holds the cluster secret: {@value}. */
  public static final String SECRET_VARIABLE = "ACTORS_CLUSTER_SECRET";
}
