/**
 * Cluster sharding and singletons, the artifact {@code actors-vertx-sharding}: entities by type
 * and id, activated where their shard lives, and one instance of a singleton cluster-wide.
 */
module actors.vertx.sharding {
  requires transitive actors.vertx;

  exports actors.sharding;
}
