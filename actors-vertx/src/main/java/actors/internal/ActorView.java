package actors.internal;

import actors.ActorRef;
import io.vertx.core.Promise;

import java.util.List;
import java.util.function.Predicate;

/**
 * An actor of this JVM as a monitor sees it. Everything but {@link #watchers} is read from any
 * thread without stopping the actor, and may be a moment old.
 */
public interface ActorView {

  ActorRef ref();

  String path();

  String name();

  /** The class of its current instance, or of its Props while it has none. */
  String actorClass();

  /** {@code running}, {@code suspended}, {@code restarting}, {@code stopping} or {@code stopped}. */
  String state();

  /** How many user messages wait in its mailbox, counted up to {@code limit}. */
  int mailboxSize(int limit);

  int restartCount();

  /** The name of its dispatcher. */
  String dispatcher();

  /** What runs it: {@code event loop 2}, {@code worker}, {@code virtual thread}. */
  String executor();

  /** A page of its children now. */
  record ChildPage(int total, List<ActorView> children) {
  }

  /**
   * The children whose names {@code match}, in creation order, from {@code offset}, at most
   * {@code limit}, with how many match in all; the cost is a walk of the children keeping at most
   * {@code offset + limit} of them, not a copy of them all.
   */
  ChildPage children(int offset, int limit, Predicate<String> match);

  /** How many children it has now. */
  int childCount();

  /**
   * Answers with the paths of the actors of this JVM that watch it, read on its own thread
   * between two messages: no answer while it is busy in {@code receive}.
   */
  void watchers(Promise<List<String>> answer);
}
