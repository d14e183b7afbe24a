package actors.cluster.impl;

import actors.ActorRef;
import actors.cluster.ActorUnreachableException;
import actors.internal.CallerContext;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/**
 * The reference to an actor of another node: its node id and path. Messages to it are encoded
 * and sent over the clustered event bus by the system's {@link ClusterTransport}. Two
 * references to the same node and path are equal.
 */
final class RemoteActorRef implements ActorRef {

  final ClusterTransport transport;
  final String nodeId;
  private final String path;

  RemoteActorRef(ClusterTransport transport, String nodeId, String path) {
    this.transport = transport;
    this.nodeId = nodeId;
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void tell(Object message, ActorRef sender) {
    transport.send(this, Objects.requireNonNull(message, "message"), sender);
  }

  @Override
  public <T> Future<T> ask(Object message) {
    return ask(message, transport.system.defaultAskTimeout());
  }

  @Override
  public <T> Future<T> ask(Object message, Duration timeout) {
    if (!transport.isMember(nodeId) && !transport.system.isTerminated()) {
      Objects.requireNonNull(message, "message");
      return CallerContext.failed(unreachable());
    }
    return transport.system.ask(this, message, timeout);
  }

  ActorUnreachableException unreachable() {
    return new ActorUnreachableException(path + " is unreachable: its node " + nodeId + " is not in the cluster");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RemoteActorRef ref && ref.transport == transport && ref.nodeId.equals(nodeId)
        && ref.path.equals(path);
  }

  @Override
  public int hashCode() {
    return nodeId.hashCode() * 31 + path.hashCode();
  }

  @Override
  public String toString() {
    return "Actor[" + nodeId + path + "]";
  }
}
