package actors.sharding;

import actors.ActorRef;
import actors.ActorSystem;
import actors.Props;
import actors.sharding.impl.Sharding;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * Entities addressed by type and id across the nodes of a cluster: a node that {@link #start
 * starts} a type hosts a share of its entities; {@link #entityRef} reaches the one live
 * incarnation of an entity wherever it runs, and starts it on its first message.
 *
 * <p>Entities are grouped into a fixed number of shards by a hash of their id. Each shard is
 * owned by one node at a time, the one rendezvous hashing picks among the nodes that host the
 * type, and its ownership is a lease in the cluster manager's shared data, so that no two
 * nodes run it at once. When a node joins or leaves, the shards that change owner are handed
 * off: the old owner stops their entities (after the messages already in their mailboxes),
 * gives up the lease, and the new owner takes it; messages sent meanwhile wait, in order, in a
 * bounded buffer, and what overflows goes to dead letters.
 *
 * <p>Messages from one sender to one entity keep their order, also across a hand-off when a
 * node joins or leaves: a region that starts to send a shard's messages another way first
 * sends a barrier the old way, and holds the later messages until the barrier has followed the
 * earlier ones to the entity. A node that dies loses what was on its way through it.
 * An entity's state is in memory: it starts afresh when it is passivated or moves, and is lost
 * with its node.
 *
 * <p>Thread-safe; no method blocks.
 */
public interface ClusterSharding {

  /** The sharding of {@code system}, the same object on every call. */
  static ClusterSharding get(ActorSystem system) {
    return Sharding.of(system);
  }

  /**
   * Makes this node host entities of {@code typeName}, each made by {@code entityProps} from its
   * id. The Future completes once every other node that hosts the type has confirmed that it
   * sees this one (or after 10 s): entities used after it are placed alike by every node. Starting
   * a type again with the same function and options returns the same Future.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code typeName} is empty or holds '/' or white space
   * @throws IllegalStateException    if the type was started on this node with another function
   *                                  or other options, or the system is terminating
   */
  Future<Void> start(String typeName, Function<String, Props> entityProps, ShardingOptions options);

  /** {@link #start(String, Function, ShardingOptions)} with default options. */
  default Future<Void> start(String typeName, Function<String, Props> entityProps) {
    return start(typeName, entityProps, new ShardingOptions());
  }

  /**
   * Lets this node reach entities of {@code typeName} without hosting any: their references
   * work here, and the nodes that {@link #start} the type run them.
   *
   * @throws IllegalStateException if this node hosts the type with other options
   */
  Future<Void> startProxy(String typeName, ShardingOptions options);

  /**
   * The reference to entity {@code entityId} of {@code typeName}: messages to it reach its one
   * live incarnation, on whichever node owns its shard, and start it if it is not running. Its
   * path, {@code /user/$sharding.<type>/<id>}, is that of the incarnation on any node.
   *
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if {@code entityId} is empty or longer than
   *                                  {@code ActorRefFactory.MAX_NAME_LENGTH} characters once
   *                                  escaped as an actor name, or {@code typeName} was
   *                                  neither started nor proxied on this node
   */
  ActorRef entityRef(String typeName, String entityId);

  /**
   * Hands this node's shards and singletons over to the other nodes before it stops: it stops
   * hosting every type it started, its entities stop after the messages in their mailboxes,
   * and messages that still come here are passed on to the new owners. The Future completes
   * once every shard has moved; terminate the system after it for a leave that loses nothing
   * in flight. Killing a node, or terminating it without this, loses what its entities held
   * in their mailboxes.
   */
  Future<Void> leave();

  /**
   * The shard of {@code entityId} in {@code typeName}, from 0 to the type's number of shards.
   *
   * @throws IllegalArgumentException as {@link #entityRef}
   */
  int shardOf(String typeName, String entityId);
}
