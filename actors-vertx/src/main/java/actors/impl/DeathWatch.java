package actors.impl;

import actors.ActorRef;

import java.util.HashSet;
import java.util.Set;

/**
 * One actor's death-watch bookkeeping: whom it watches, who watches it, and the
 * {@code Terminated} messages it has queued for itself. Actor thread only.
 */
final class DeathWatch {

  private final Set<ActorCell> watching = new HashSet<>();
  private final Set<ActorCell> watchedBy = new HashSet<>();
  private final Set<ActorRef> terminatedQueued = new HashSet<>();
  // Actors of other nodes, watched through the cluster transport; created on first use.
  private Set<RemoteActorRef> watchingRemote;

  /** True when {@code watchee} was not watched yet. */
  boolean startWatching(ActorCell watchee) {
    return watching.add(watchee);
  }

  /** True when {@code watchee} was watched. */
  boolean stopWatching(ActorCell watchee) {
    terminatedQueued.remove(watchee.self);
    return watching.remove(watchee);
  }

  /** Called when {@code watchee} stopped: true when a {@code Terminated} should be queued. */
  boolean watcheeTerminated(ActorCell watchee) {
    if (watching.remove(watchee)) {
      terminatedQueued.add(watchee.self);
      return true;
    }
    return false;
  }

  /** True when a queued {@code Terminated} for {@code actor} is still wanted; consumes it. */
  boolean takeTerminated(ActorRef actor) {
    return terminatedQueued.remove(actor);
  }

  /** True when {@code watchee} was not watched yet. */
  boolean startWatching(RemoteActorRef watchee) {
    if (watchingRemote == null) {
      watchingRemote = new HashSet<>();
    }
    return watchingRemote.add(watchee);
  }

  /** True when {@code watchee} was watched. */
  boolean stopWatching(RemoteActorRef watchee) {
    terminatedQueued.remove(watchee);
    return watchingRemote != null && watchingRemote.remove(watchee);
  }

  /** Called when {@code watchee} stopped or its node left: true when a {@code Terminated} should be queued. */
  boolean watcheeTerminated(RemoteActorRef watchee) {
    if (watchingRemote != null && watchingRemote.remove(watchee)) {
      terminatedQueued.add(watchee);
      return true;
    }
    return false;
  }

  /** The actors of other nodes watched; empties the set. */
  Set<RemoteActorRef> takeWatchingRemote() {
    Set<RemoteActorRef> remote = watchingRemote == null ? Set.of() : watchingRemote;
    watchingRemote = null;
    return remote;
  }

  void addWatcher(ActorCell watcher) {
    watchedBy.add(watcher);
  }

  void removeWatcher(ActorCell watcher) {
    watchedBy.remove(watcher);
  }

  Set<ActorCell> watching() {
    return watching;
  }

  Set<ActorCell> watchers() {
    return watchedBy;
  }
}
