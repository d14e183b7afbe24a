package actors.impl;

import actors.ActorRef;
import actors.internal.RemoteProvider;
import actors.internal.RemoteWatcher;
import io.vertx.core.Future;

/** The {@link RemoteProvider} of a system whose Vertx is not clustered: there is no other node. */
final class LocalProvider implements RemoteProvider {

  /** The node id of a system whose Vertx is not clustered. */
  static final String LOCAL_NODE = "local";

  private final String systemName;

  LocalProvider(String systemName) {
    this.systemName = systemName;
  }

  @Override
  public String nodeId() {
    return LOCAL_NODE;
  }

  @Override
  public boolean isMember(String node) {
    return LOCAL_NODE.equals(node);
  }

  @Override
  public void onMembershipChange(Runnable listener) {
    // No other node ever joins or leaves.
  }

  @Override
  public void removeMembershipListener(Runnable listener) {
    // Nothing was kept.
  }

  @Override
  public Future<Void> ready() {
    return Future.succeededFuture();
  }

  @Override
  public boolean isRemote(ActorRef ref) {
    return false;
  }

  @Override
  public ActorRef resolve(String node, String path) {
    throw new IllegalArgumentException("'" + node + path + "' is an actor of node " + node + ", but system " + systemName
        + " is not clustered (node id " + LOCAL_NODE + ")");
  }

  @Override
  public String addressOf(ActorRef remote) {
    throw new IllegalArgumentException(remote + " is not an actor of another node");
  }

  @Override
  public ActorRef exportedAsk(String path) {
    return null;
  }

  @Override
  public void watch(ActorRef watchee, RemoteWatcher watcher) {
    throw new IllegalArgumentException(watchee + " is not an actor of another node");
  }

  @Override
  public void unwatch(ActorRef watchee, RemoteWatcher watcher) {
    throw new IllegalArgumentException(watchee + " is not an actor of another node");
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
