package actors.sharding.impl;

import actors.ActorRef;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The handshake of a host that starts: it asks every other host to confirm that it sees it
 * ({@link RegionControl.Joined}), so that none places a shard as if it did not; each answers
 * once its own view includes the new host. A request is taken only from the node it names,
 * while that node is a member, and is forgotten after the asker stopped waiting: forged or
 * stale requests hold nothing. Used on the region's thread only.
 */
final class HostJoins {

  private static final Duration CONFIRMATION = Duration.ofSeconds(10);

  /** A host asked whether this region's view includes {@code node}; {@code asker} waits for the answer until {@code until}. */
  private record Waiting(String node, ActorRef asker, long until) {
  }

  private final List<Waiting> waiting = new ArrayList<>();

  /** Asks every host but {@code nodeId} to confirm it sees {@code nodeId}; completes when all did, or after a while anyway. */
  static Future<?> announce(String nodeId, List<String> hosts, Function<String, ActorRef> regionAt) {
    return Future.join(hosts.stream().filter(host -> !host.equals(nodeId))
        .map(host -> regionAt.apply(host).ask(new RegionControl.Joined(nodeId).toJson(), CONFIRMATION)).toList());
  }

  /**
   * {@code asker}, on node {@code askerNode}, waits to hear that this region sees {@code node};
   * false (and nothing kept) if the asker is not on that node.
   */
  boolean asked(String node, ActorRef asker, String askerNode) {
    if (!node.equals(askerNode)) {
      return false;
    }
    waiting.add(new Waiting(node, asker, System.nanoTime() + CONFIRMATION.toNanos()));
    return true;
  }

  /** Answers, from {@code self}, the hosts that this {@code view} includes. */
  void confirm(OwnerView view, ActorRef self) {
    long now = System.nanoTime();
    waiting.removeIf(asked -> {
      if (now - asked.until() > 0) {
        return true;
      }
      if (view.includes(asked.node())) {
        asked.asker().tell(Boolean.TRUE, self);
        return true;
      }
      return false;
    });
  }
}
