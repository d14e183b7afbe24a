package actors.monitor;

import actors.ActorSystem;
import actors.monitor.impl.Monitor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The actor tree of one system as JSON, for pages and tools: what {@code ActorTreeRouter}
 * serves. Reads never stop an actor and never run on an event loop: children are listed on a
 * worker thread, a page at a time, so a tree of 100,000 actors costs what one page costs.
 *
 * <p>An actor: {@code {"path", "name", "actorClass", "state", "mailboxSize", "restarts",
 * "dispatcher", "executor", "children"}}, where {@code state} is {@code running},
 * {@code suspended}, {@code restarting}, {@code stopping} or {@code stopped}, {@code mailboxSize}
 * counts user messages up to {@value #MAILBOX_LIMIT}, and {@code children} is how many it has.
 * Values are read as the actor's own thread last wrote them, and may be a moment old.
 */
public interface ActorMonitor {

  /** Mailboxes are counted up to this many messages. */
  int MAILBOX_LIMIT = 1_000_000;
  /** The most children one call lists. */
  int MAX_PAGE = 1_000;

  /**
   * The monitor of {@code system}.
   *
   * @throws IllegalArgumentException if it was not made by {@code ActorSystem.create} or {@code ActorSystem.clustered}
   */
  static ActorMonitor of(ActorSystem system) {
    return Monitor.of(system);
  }

  /**
   * The actor at {@code path} ({@code /user} for the guardian).
   *
   * @return failed with {@code ActorNotFoundException} if no actor of this node lives there
   */
  Future<JsonObject> actor(String path);

  /**
   * A page of the children of the actor at {@code path}, in creation order: those whose path
   * contains {@code filter} (any, if null or empty), from {@code offset}, at most {@code limit}:
   * {@code {"path", "total", "offset", "children": [actor...]}}, where {@code total} counts
   * every child that matches.
   *
   * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is not 1 to {@value #MAX_PAGE}
   */
  Future<JsonObject> children(String path, int offset, int limit, String filter);

  /**
   * The paths of the actors of this node that watch the actor at {@code path}, read on its own
   * thread: failed with a timeout while it is busy in {@code receive} for more than a second.
   */
  Future<JsonArray> watchers(String path);

  /**
   * The system at a glance: {@code {"system", "node", "terminated", "deadLetters", "failing": {path: cause},
   * "standingDown"}}, the last why this node stands down on a split ({@code PartitionOptions}), null while it hosts.
   */
  JsonObject summary();
}
