package actors.impl;

import actors.ActorRef;
import actors.impl.cell.ActorCell;
import actors.internal.LocalRef;
import actors.internal.RemoteProvider;
import actors.routing.impl.VerticlePools;

import java.util.Objects;

/**
 * Actor addresses ({@code <node id><path>}) of one system: what other nodes can use to reach
 * an actor of this one, and what an address resolves to here, an actor of this node or a
 * reference of the {@link RemoteProvider}.
 */
final class Addressing {

  private final ActorSystemImpl system;
  private final RemoteProvider provider;
  private final ActorCell guardian;
  private final VerticlePools verticlePools;

  Addressing(ActorSystemImpl system, RemoteProvider provider, ActorCell guardian, VerticlePools verticlePools) {
    this.system = system;
    this.provider = provider;
    this.guardian = guardian;
    this.verticlePools = verticlePools;
  }

  /**
   * The address of {@code ref}.
   *
   * @throws IllegalArgumentException if it is neither of this system nor resolved by it
   */
  String addressOf(ActorRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (provider.isRemote(ref)) {
      return provider.addressOf(ref);
    }
    if (ref instanceof LocalRef local && local.system() == system || ref == system.deadLetters()
        || verticlePools.contains(ref)) {
      return provider.nodeId() + ref.path();
    }
    throw new IllegalArgumentException(ref + " has no address other nodes can use: it is neither an actor of system "
        + system.name() + " nor a reference it resolved");
  }

  /**
   * What {@code address} refers to: an actor of this node (a dead end if none lives at its
   * path) or of another.
   *
   * @throws IllegalArgumentException if it is not an address, or names another node while this
   *                                  system is not clustered
   */
  ActorRef resolve(String address) {
    Objects.requireNonNull(address, "address");
    String nodeId = provider.nodeId();
    int slash = address.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("'" + address + "' is not an actor address: expected a node id followed by "
          + "a path, as ActorSystem.addressOf gives (e.g. " + nodeId + "/user/greeter)");
    }
    String node = address.substring(0, slash);
    String path = address.substring(slash);
    if (node.equals(nodeId)) {
      ActorRef local = findLocal(path);
      return local != null ? local : system.missingActor(path);
    }
    return provider.resolve(node, path);
  }

  /** The reference to this node's actor (or ask, or dead letters) at {@code path}, or null. */
  ActorRef findLocal(String path) {
    ActorRef deadLetters = system.deadLetters();
    if (path.equals(deadLetters.path())) {
      return deadLetters;
    }
    if (path.startsWith("/temp/")) {
      return provider.exportedAsk(path);
    }
    String userPath = guardian.path();
    if (!path.startsWith(userPath + "/")) {
      return null;
    }
    ActorRef actor = guardian.descendant(path.substring(userPath.length() + 1));
    return actor != null ? actor : verticlePools.find(path);
  }
}
