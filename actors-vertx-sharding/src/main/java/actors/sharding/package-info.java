/**
 * Entities spread over the nodes of a cluster by key ({@link actors.sharding.ClusterSharding})
 * and actors that run once cluster-wide ({@link actors.sharding.ClusterSingleton}).
 *
 * <p>The cluster manager under Vert.x is the engine: it says which nodes there are, and its
 * shared maps hold which node owns each shard. Shards go to the nodes that host their type by
 * rendezvous hashing, and move when such a node joins or leaves; an entity is started on its
 * first message and stopped after a time without one. On a Vertx that is not clustered the same
 * code runs on one node.
 */
package actors.sharding;
