package actors.cluster.impl;

import actors.cluster.ActorUnreachableException;
import actors.internal.PendingAsk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks whose temporary reference went to another node, by path, until they are answered:
 * replies find them here, and they fail at once when a node they depend on leaves.
 */
final class ExportedAsks {

  /** An ask; {@code node} is where its reference went as a sender, or null. */
  private record Exported(PendingAsk ask, String node) {
  }

  private final Map<String, Exported> byPath = new ConcurrentHashMap<>();

  /** Keeps {@code ask}, sent as the sender of a message to {@code toNode} (or null), until it completes. */
  void add(PendingAsk ask, String toNode) {
    String path = ask.path();
    if (byPath.putIfAbsent(path, new Exported(ask, toNode)) == null) {
      ask.future().onComplete(done -> byPath.remove(path));
    }
  }

  /** The ask at {@code path}, or null. */
  PendingAsk get(String path) {
    Exported exported = byPath.get(path);
    return exported == null ? null : exported.ask();
  }

  /** Fails the asks to an actor of {@code node}, and those whose reference went there: it left the cluster. */
  void nodeLeft(String node) {
    for (Exported exported : List.copyOf(byPath.values())) {
      PendingAsk ask = exported.ask();
      if (ask.target() instanceof RemoteActorRef remote && remote.nodeId.equals(node)) {
        ask.fail(remote.unreachable());
      } else if (node.equals(exported.node())) {
        ask.fail(new ActorUnreachableException(ask.target().path() + " is unreachable: the ask went to node " + node
            + ", which left the cluster"));
      }
    }
  }
}
