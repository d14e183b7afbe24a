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
