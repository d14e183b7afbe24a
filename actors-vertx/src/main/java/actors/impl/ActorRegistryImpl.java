package actors.impl;

import actors.internal.CallerContext;
import actors.internal.LocalRef;
import actors.internal.PendingAsk;
import actors.internal.SignedEntries;
import actors.internal.SystemServices;
import actors.ActorRef;
import actors.cluster.ActorNotFoundException;
import actors.cluster.ActorRegistry;
import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ActorRegistry} of one actor system: names to actor addresses in the shared-data
 * {@code AsyncMap} {@code actors.registry.<system>}, cluster-wide when the Vertx is clustered.
 * An entry goes when its actor stops (this node removes it) or its node leaves (every node
 * that sees it go removes it; removing twice is harmless). With a cluster secret, entries are
 * signed ({@link SignedEntries}): one a member without the secret wrote is found by no lookup,
 * and a registration replaces it.
 */
final class ActorRegistryImpl implements ActorRegistry {

  private static final System.Logger LOG = System.getLogger("actors.registry");

  private final SystemServices system;
  private final String mapName;
  private final SignedEntries signed;
  private final Future<AsyncMap<String, String>> map;
  // This node's actors registered from here: name to path, and how many names each path has.
  private final Map<String, String> localNames = new ConcurrentHashMap<>();
  private final Map<String, Integer> localPaths = new ConcurrentHashMap<>();

  ActorRegistryImpl(SystemServices system, Future<Void> reachable) {
    this.system = system;
    this.mapName = "actors.registry." + system.name();
    this.signed = system.remoteProvider().signedEntries();
    // Nobody may find an actor of this node before other nodes can reach it.
    this.map = reachable.compose(ready -> system.vertx().sharedData().<String, String>getAsyncMap(mapName));
  }

  @Override
  public Future<Void> register(String name, ActorRef ref) {
    validate(name);
    Objects.requireNonNull(ref, "ref");
    if (ref instanceof PendingAsk) {
      throw new IllegalArgumentException("cannot register " + ref + " as '" + name
          + "': an ask's temporary reference lives only until its reply");
    }
    String address = system.addressOf(ref);
    String entry = signed.sign(mapName, name, address);
    return CallerContext.rebind(map.compose(entries -> signed.putIfAbsent(entries, mapName, name, entry)).compose(previous -> {
      if (previous != null && !previous.equals(address)) {
        return Future.failedFuture(new IllegalStateException("name '" + name + "' is already registered to "
            + previous + " in system " + system.name()));
      }
      if (ref instanceof LocalRef local && previous == null) {
        addLocal(name, local.path());
        local.whenTerminated().onComplete(stopped -> {
          removeLocal(name);
          removeEntry(name, entry);
        });
      }
      return Future.succeededFuture();
    }));
  }

  @Override
  public Future<ActorRef> lookup(String name) {
    Objects.requireNonNull(name, "name");
    return CallerContext.rebind(map.compose(entries -> entries.get(name)).compose(stored -> {
      String address = signed.open(mapName, name, stored);
      if (address == null) {
        return Future.failedFuture(new ActorNotFoundException((stored == null ? "no actor is registered as '"
            : "the registry's entry for '") + name + "' in system " + system.name()
            + (stored == null ? "" : " is not signed with the cluster secret: refused")));
      }
      return Future.succeededFuture(system.resolve(address));
    }));
  }

  @Override
  public Future<Boolean> unregister(String name) {
    Objects.requireNonNull(name, "name");
    String ownNode = system.nodeId() + "/";
    return CallerContext.rebind(map.compose(entries -> entries.get(name).compose(stored -> {
      String address = signed.open(mapName, name, stored);
      if (address == null) {
        return Future.succeededFuture(false);
      }
      if (!address.startsWith(ownNode)) {
        return Future.failedFuture(new IllegalStateException("'" + name + "' names " + address
            + ", an actor of another node: only its node may unregister it"));
      }
      return entries.removeIfPresent(name, stored).onSuccess(removed -> removeLocal(name));
    })));
  }

  /** Whether an actor of this node at {@code path} is registered here, under any name; any thread. */
  boolean isRegisteredHere(String path) {
    return localPaths.containsKey(path);
  }

  private void addLocal(String name, String path) {
    if (localNames.putIfAbsent(name, path) == null) {
      localPaths.merge(path, 1, Integer::sum);
    }
  }

  private void removeLocal(String name) {
    String path = localNames.remove(name);
    if (path != null) {
      localPaths.computeIfPresent(path, (registered, names) -> names == 1 ? null : names - 1);
    }
  }

  /** Removes the entries of the actors of {@code node}, which left the cluster. */
  void nodeLeft(String node) {
    map.compose(AsyncMap::entries).onSuccess(entries -> entries.forEach((name, stored) -> {
      String address = signed.open(mapName, name, stored);
      if (address != null && address.startsWith(node + "/")) {
        removeEntry(name, stored);
      }
    })).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "[" + system.name()
        + "] removing the registry entries of node " + node + " failed", e));
  }

  /** Removes {@code name} if it still holds {@code stored}, an entry as the map has it. */
  private void removeEntry(String name, String stored) {
    map.compose(entries -> entries.removeIfPresent(name, stored)).onFailure(e -> LOG.log(
        System.Logger.Level.WARNING, "[" + system.name() + "] unregistering '" + name + "' failed", e));
  }

  private static void validate(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a registry name must not be blank");
    }
  }
}
