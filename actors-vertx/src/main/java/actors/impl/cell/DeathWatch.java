package actors.impl.cell;

import actors.ActorRef;
import actors.Terminated;
import actors.impl.cell.SystemMessages.DeathWatchNotification;
import actors.impl.cell.SystemMessages.RemoteTerminated;
import actors.impl.cell.SystemMessages.Unwatch;
import actors.impl.cell.SystemMessages.Watch;
import actors.internal.RemoteProvider;
import actors.internal.RemoteWatcher;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One actor's death watch: whom it watches (actors of this node, and of other nodes through the
 * system's {@link RemoteProvider}), who watches it, and the {@code Terminated} messages it has
 * queued for itself. Created with the first watch, in the cell's rare state; actor thread only.
 *
 * <p>A {@code Terminated} is queued as a user message, so it may wait behind others; an
 * {@code unwatch} meanwhile must still cancel it. The queued set is what makes that hold:
 * {@link #takeTerminated} lets through only what is still wanted.
 */
final class DeathWatch {

  private final Set<ActorCell> watching = new HashSet<>();
  private final Set<ActorCell> watchedBy = new HashSet<>();
  private final Set<ActorRef> terminatedQueued = new HashSet<>();
  // Actors of other nodes, and how the provider reaches this actor about them; on first use.
  private Set<ActorRef> watchingRemote;
  private RemoteWatcher remoteWatcher;

  private static DeathWatch of(ActorCell cell) {
    RareState rare = cell.rare();
    if (rare.deathWatch == null) {
      rare.deathWatch = new DeathWatch();
    }
    return rare.deathWatch;
  }

  private static DeathWatch ifAny(ActorCell cell) {
    return cell.rare == null ? null : cell.rare.deathWatch;
  }

  /** Backs {@code context().watch(ref)}. */
  static void watch(ActorCell cell, ActorRef ref) {
    RemoteProvider provider = cell.system.provider();
    if (provider.isRemote(ref)) {
      if (!cell.terminating) {
        DeathWatch watch = of(cell);
        if (watch.watchingRemote == null) {
          watch.watchingRemote = new HashSet<>();
        }
        if (watch.watchingRemote.add(ref)) {
          provider.watch(ref, watch.remoteWatcher(cell));
        }
      }
      return;
    }
    ActorCell watchee = cell.cellOf(ref, "watch");
    if (watchee != cell && !cell.terminating && of(cell).watching.add(watchee)) {
      watchee.sendSystem(new Watch(cell));
    }
  }

  /** Backs {@code context().unwatch(ref)}: a {@code Terminated} already queued is dropped too. */
  static void unwatch(ActorCell cell, ActorRef ref) {
    DeathWatch watch = ifAny(cell);
    RemoteProvider provider = cell.system.provider();
    if (provider.isRemote(ref)) {
      if (watch != null && watch.watchingRemote != null) {
        watch.terminatedQueued.remove(ref);
        if (watch.watchingRemote.remove(ref)) {
          provider.unwatch(ref, watch.remoteWatcher);
        }
      }
      return;
    }
    ActorCell watchee = cell.cellOf(ref, "unwatch");
    if (watch != null) {
      watch.terminatedQueued.remove(watchee.self);
      if (watch.watching.remove(watchee)) {
        watchee.sendSystem(new Unwatch(cell));
      }
    }
  }

  /** True when a queued {@code Terminated} for {@code actor} is still wanted; consumes it. */
  static boolean takeTerminated(ActorCell cell, ActorRef actor) {
    DeathWatch watch = ifAny(cell);
    return watch != null && watch.terminatedQueued.remove(actor);
  }

  /** The actor stashed the {@code Terminated} for {@code actor}: it is queued again. */
  static void terminatedStashed(ActorCell cell, ActorRef actor) {
    of(cell).terminatedQueued.add(actor);
  }

  /** {@code dead}, an actor of this node, has stopped: a watcher queues its {@code Terminated}. */
  static void watcheeTerminated(ActorCell cell, ActorCell dead) {
    DeathWatch watch = ifAny(cell);
    if (!cell.terminating && watch != null && watch.watching.remove(dead)) {
      watch.terminatedQueued.add(dead.self);
      cell.sendMessage(new Terminated(dead.self), dead.self, null);
    }
  }

  /** {@code dead}, an actor of another node, has stopped or its node has left. */
  static void remoteWatcheeTerminated(ActorCell cell, ActorRef dead) {
    DeathWatch watch = ifAny(cell);
    if (!cell.terminating && watch != null && watch.watchingRemote != null && watch.watchingRemote.remove(dead)) {
      watch.terminatedQueued.add(dead);
      cell.sendMessage(new Terminated(dead), dead, null);
    }
  }

  /** The paths of the actors of this JVM that watch {@code cell}; its own thread. */
  static List<String> watcherPaths(ActorCell cell) {
    DeathWatch watch = ifAny(cell);
    return watch == null ? List.of() : watch.watchedBy.stream().map(ActorCell::path).sorted().toList();
  }

  static void addWatcher(ActorCell cell, ActorCell watcher) {
    of(cell).watchedBy.add(watcher);
  }

  static void removeWatcher(ActorCell cell, ActorCell watcher) {
    DeathWatch watch = ifAny(cell);
    if (watch != null) {
      watch.watchedBy.remove(watcher);
    }
  }

  /** The actor is stopping: it stops watching, here and on other nodes. */
  static void unwatchAll(ActorCell cell) {
    DeathWatch watch = ifAny(cell);
    if (watch == null) {
      return;
    }
    for (ActorCell watchee : watch.watching) {
      watchee.sendSystem(new Unwatch(cell));
    }
    watch.watching.clear();
    if (watch.watchingRemote != null) {
      for (ActorRef watchee : watch.watchingRemote) {
        cell.system.provider().unwatch(watchee, watch.remoteWatcher);
      }
      watch.watchingRemote = null;
    }
  }

  /**
   * The actor has stopped: every watcher is told. Called after the cell is marked terminated,
   * so a watch that arrives later is answered at once instead of being lost in between.
   */
  static void tellWatchersWeDied(ActorCell cell) {
    DeathWatch watch = ifAny(cell);
    if (watch == null) {
      return;
    }
    for (ActorCell watcher : watch.watchedBy) {
      watcher.sendSystem(new DeathWatchNotification(cell));
    }
    cell.rare.deathWatch = null;
  }

  /** How the provider tells this actor about the actors of other nodes it watches: one per cell. */
  private RemoteWatcher remoteWatcher(ActorCell cell) {
    if (remoteWatcher == null) {
      remoteWatcher = watchee -> cell.sendSystem(new RemoteTerminated(watchee));
    }
    return remoteWatcher;
  }
}
