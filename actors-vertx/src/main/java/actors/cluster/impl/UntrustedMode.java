package actors.cluster.impl;

import actors.Kill;
import actors.PoisonPill;
import actors.internal.EntityEnvelope;
import actors.internal.SystemServices;
import io.vertx.core.json.JsonObject;

/**
 * What untrusted mode lets in from other nodes: no lifecycle control (a {@code PoisonPill} or
 * {@code Kill}, bare or inside an entity envelope), and only messages to registered actors, to
 * this node's asks, entity envelopes to the regions of sharded types and singletons, and the
 * rounds of the members' quorum ({@link QuorumActor}), which decide nothing but who hears whom.
 */
final class UntrustedMode {

  private UntrustedMode() {
  }

  /** Why {@code message} to {@code path} on this node is refused from another node, or null if it is let in. */
  static String refusal(SystemServices system, String path, Object message) {
    if (controlsLifecycle(message) || message instanceof EntityEnvelope envelope && controlsLifecycle(envelope.message())) {
      return "node " + system.nodeId() + " takes no PoisonPill or Kill from other nodes (untrusted mode)";
    }
    boolean toRegion = message instanceof EntityEnvelope
        && (path.startsWith("/user/$sharding.") || path.startsWith("/user/$singleton."));
    boolean toQuorum = message instanceof JsonObject && path.equals("/user/" + QuorumActor.NAME);
    if (toRegion || toQuorum || path.startsWith("/temp/") || system.isRegistered(path)) {
      return null;
    }
    return "no actor at " + path + " on node " + system.nodeId() + " is reachable from other nodes: only registered ones "
        + "are (untrusted mode)";
  }

  private static boolean controlsLifecycle(Object message) {
    return message == PoisonPill.INSTANCE || message == Kill.INSTANCE;
  }
}
