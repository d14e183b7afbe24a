package actors.cluster.impl;

import actors.internal.SignedEntries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Which of the cluster manager's nodes run this actor system: each node of the system keeps a
 * signed entry under its node id in the map {@code actors.<system>.nodes}. A Vert.x node of the
 * same cluster that runs another application, another system, or this one without the cluster
 * secret has no valid entry there, and the quorum does not count it. The entry's value is the
 * node's start time.
 */
final class SystemNodes {

  private final String mapName;
  private final SignedEntries signed;
  private final String nodeId;
  private final Future<AsyncMap<String, String>> map;

  SystemNodes(Vertx vertx, String systemName, SignedEntries signed, String nodeId) {
    this.mapName = "actors." + systemName + ".nodes";
    this.signed = signed;
    this.nodeId = nodeId;
    this.map = vertx.sharedData().getAsyncMap(mapName);
  }

  /** Writes this node's entry, its start time (again: a merge after a split may have lost it). */
  Future<Void> register(long startMillis) {
    String entry = signed.sign(mapName, nodeId, Long.toString(startMillis));
    return map.compose(entries -> entries.put(nodeId, entry));
  }

  /**
   * Whether {@code node} has a valid entry: it runs this system, with this cluster's secret (or,
   * without one, it has none either: a signed entry does not read as a start time).
   */
  Future<Boolean> runsThisSystem(String node) {
    return map.compose(entries -> entries.get(node)).map(stored -> isStartTime(signed.open(mapName, node, stored)));
  }

  private static boolean isStartTime(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
  }

  /**
   * Removes the entry of {@code node}, which leaves. A node confirmed gone keeps its entry: it
   * may be alive beyond a split, and come back with the merge.
   */
  Future<Void> forget(String node) {
    return map.compose(entries -> entries.remove(node)).mapEmpty();
  }
}
