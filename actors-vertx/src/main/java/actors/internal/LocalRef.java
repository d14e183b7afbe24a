package actors.internal;

import actors.ActorInfo;
import actors.ActorRef;
import actors.ActorSystem;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.Map;

/** A reference to an actor of this JVM, as the other concerns see it; any thread. */
public interface LocalRef extends ActorRef {

  /** The system the actor belongs to. */
  ActorSystem system();

  /** Stops the actor: its children first, then its {@code postStop}. */
  void stop();

  /** Sends {@code message} as part of the trace of {@code trace}'s headers, which came with it from another node. */
  void tell(Object message, ActorRef sender, Map<String, String> trace);

  /** The actor as a monitor reads it, from any thread. */
  ActorView view();

  /** Answers with a snapshot of the actor, taken on its own thread. */
  void inspect(Promise<ActorInfo> answer);

  /** Completes once the actor has stopped and its {@code postStop} has run. */
  Future<Void> whenTerminated();

  /**
   * How busy the actor looks: 0 when idle, more the more messages wait, counted up to
   * {@code limit}; above the limit when it is suspended.
   */
  int loadEstimate(int limit);
}
