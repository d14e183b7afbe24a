package actors.internal;

import actors.ActorRef;

/** An actor of this node that watches actors of other nodes, as the {@link RemoteProvider} sees it. */
@FunctionalInterface
public interface RemoteWatcher {

  /** {@code watchee} has stopped, or its node has left the cluster; any thread. */
  void remoteTerminated(ActorRef watchee);
}
