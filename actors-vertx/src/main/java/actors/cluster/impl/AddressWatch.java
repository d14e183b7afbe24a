package actors.cluster.impl;

import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches who consumes at this node's transport address. Any member of the cluster manager can
 * register a consumer at any address, and the event bus then passes it part of what is sent
 * there: with a cluster secret it can forge nothing, but the batches it takes never arrive. The
 * event bus gives no way to refuse such a registration, so this says it loudly: an error, once
 * per node that did it, every {@value #INTERVAL_MILLIS} ms at most.
 */
final class AddressWatch {

  static final long INTERVAL_MILLIS = 5_000;
  private static final System.Logger LOG = System.getLogger("actors.cluster");

  private final Vertx vertx;
  private final ClusterManager clusterManager;
  private final String systemName;
  private final String nodeId;
  private final String address;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final long timer;

  AddressWatch(Vertx vertx, ClusterManager clusterManager, String systemName, String address) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.systemName = systemName;
    this.nodeId = clusterManager.getNodeId();
    this.address = address;
    this.timer = vertx.setPeriodic(INTERVAL_MILLIS, INTERVAL_MILLIS, tick -> check());
  }

  private void check() {
    clusterManager.getRegistrations(address, (registrations, failure) -> {
      if (registrations != null) {
        report(registrations);
      }
    });
  }

  private void report(List<RegistrationInfo> registrations) {
    for (RegistrationInfo registration : registrations) {
      String other = registration.nodeId();
      if (!nodeId.equals(other) && reported.add(other)) {
        LOG.log(System.Logger.Level.ERROR, "[" + systemName + "] node " + other + " registered a consumer at this "
            + "node's transport address " + address + ": it receives part of the batches other nodes send here, "
            + "which never arrive. No node of this system does that: find that process and remove it from the cluster");
      }
    }
  }

  void stop() {
    vertx.cancelTimer(timer);
  }
}
