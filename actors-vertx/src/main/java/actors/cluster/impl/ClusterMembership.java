package actors.cluster.impl;

import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeListener;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The nodes of one clustered Vertx's cluster, as its cluster manager reports them: the one
 * {@link NodeListener} of the cluster manager, shared by every actor system on that Vertx.
 * The cluster manager has a single listener slot, which Vert.x's own HA mode also takes: do
 * not enable HA on a Vertx that hosts clustered actor systems.
 */
final class ClusterMembership implements NodeListener {

  private static final Map<Vertx, ClusterMembership> INSTALLED = new WeakHashMap<>();

  private final ClusterManager clusterManager;
  // Transports using it: the last one to close takes it out of INSTALLED, whose weak key its
  // value would otherwise keep alive (the cluster manager holds the Vertx).
  private int users;
  private final Set<String> nodes = ConcurrentHashMap.newKeySet();
  private final CopyOnWriteArrayList<Consumer<String>> leaveListeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Runnable> changeListeners = new CopyOnWriteArrayList<>();

  private ClusterMembership(ClusterManager clusterManager) {
    this.clusterManager = clusterManager;
  }

  /** The membership of {@code vertx}'s cluster, listened to from the first call on. */
  static synchronized ClusterMembership install(Vertx vertx, ClusterManager clusterManager) {
    ClusterMembership membership = INSTALLED.get(vertx);
    if (membership == null) {
      membership = new ClusterMembership(clusterManager);
      clusterManager.nodeListener(membership);
      membership.nodes.addAll(clusterManager.getNodes());
      INSTALLED.put(vertx, membership);
    }
    membership.users++;
    return membership;
  }

  /**
   * True while {@code nodeId} is in the cluster. A node may be reported late: one not yet
   * known is checked against the cluster manager's list.
   */
  boolean isMember(String nodeId) {
    if (nodes.contains(nodeId)) {
      return true;
    }
    if (clusterManager.getNodes().contains(nodeId)) {
      nodes.add(nodeId);
      return true;
    }
    return false;
  }

  /** A transport that used {@code vertx}'s membership has closed. */
  static synchronized void release(Vertx vertx, ClusterMembership membership) {
    if (--membership.users == 0 && INSTALLED.get(vertx) == membership) {
      INSTALLED.remove(vertx);
    }
  }

  void onChange(Runnable listener) {
    changeListeners.add(listener);
  }

  void removeChangeListener(Runnable listener) {
    changeListeners.remove(listener);
  }

  void onNodeLeft(Consumer<String> listener) {
    leaveListeners.add(listener);
  }

  void removeListener(Consumer<String> listener) {
    leaveListeners.remove(listener);
  }

  @Override
  public void nodeAdded(String nodeId) {
    if (nodes.add(nodeId)) {
      changeListeners.forEach(Runnable::run);
    }
  }

  @Override
  public void nodeLeft(String nodeId) {
    if (nodes.remove(nodeId)) {
      leaveListeners.forEach(listener -> listener.accept(nodeId));
      changeListeners.forEach(Runnable::run);
    }
  }
}
