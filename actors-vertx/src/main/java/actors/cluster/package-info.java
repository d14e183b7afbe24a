/**
 * Actors across a Vert.x cluster: the {@link actors.cluster.ActorRegistry} that finds actors by
 * name on any node, and the failures that only distribution brings.
 *
 * <p>The distributed engine is Vert.x: start the system on a clustered Vertx (any cluster
 * manager: Hazelcast, Infinispan, Zookeeper) and references to actors on other nodes work like
 * local ones. Messages cross the clustered event bus, one consumer per node and system, encoded
 * natively ({@code String}, numbers, {@code JsonObject}, {@code JsonArray}, {@code Buffer},
 * {@code byte[]}) or with Jackson (records and POJOs of allowed packages, or annotated with
 * {@link actors.cluster.ClusterMessage}); references inside messages are re-bound on arrival.
 */
package actors.cluster;
