package actors.routing.impl;

import actors.ActorRef;
import actors.internal.SystemServices;
import actors.internal.VerticlePool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pools of one system's actor-verticle deployments, by deployment id; any thread. */
public final class VerticlePools {

  private final SystemServices system;
  private final Map<String, RoundRobinRef> byDeployment = new ConcurrentHashMap<>();

  public VerticlePools(SystemServices system) {
    this.system = system;
  }

  /** The pool of {@code deploymentId}, at {@code path}; created by its first instance. */
  public VerticlePool join(String deploymentId, String path) {
    return byDeployment.computeIfAbsent(deploymentId, id -> new RoundRobinRef(system, path));
  }

  /** Removes a routee from a deployment's pool; the pool goes with its last routee. */
  public void leave(String deploymentId, ActorRef routee) {
    byDeployment.computeIfPresent(deploymentId, (id, pool) -> pool.remove(routee) ? pool : null);
  }

  /** Whether {@code ref} is one of these pools. */
  public boolean contains(ActorRef ref) {
    return ref instanceof RoundRobinRef pool && byDeployment.containsValue(pool);
  }

  /** The pool at {@code path}, or null. */
  public ActorRef find(String path) {
    for (RoundRobinRef pool : byDeployment.values()) {
      if (pool.path().equals(path)) {
        return pool;
      }
    }
    return null;
  }
}
