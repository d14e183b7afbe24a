package actors.internal;

import actors.Actor;
import actors.ActorContext;

/**
 * What {@link Actor} and {@link actors.Stash} need of their cell beyond {@link ActorContext}.
 * Each method takes the cell as the context its actor was bound to.
 */
public interface CellAccess {

  /**
   * Binds a new instance to the cell whose {@code Props} factory runs on this thread.
   *
   * @return the cell, as the actor's context
   * @throws IllegalStateException when no factory of a system is running on this thread
   */
  ActorContext bindNewInstance(Actor instance);

  /** Backs {@code Actor.unhandled}. */
  void unhandled(ActorContext cell, Object message);

  /** Backs {@code Stash.stash()}. */
  void stash(ActorContext cell, int capacity);

  /** Backs {@code Stash.unstash()} and {@code Stash.unstashAll()}. */
  void unstash(ActorContext cell, boolean all);
}
