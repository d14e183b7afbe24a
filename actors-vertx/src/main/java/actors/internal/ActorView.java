package actors.internal;

import actors.ActorRef;
import io.vertx.core.Promise;

import java.util.List;

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

  /** Its children now, in creation order. */
  List<ActorView> children();

  /** How many children it has now. */
  int childCount();

  /**
   * Answers with the paths of the actors of this JVM that watch it, read on its own thread
   * between two messages: no answer while it is busy in {@code receive}.
   */
  void watchers(Promise<List<String>> answer);
}
