package actors.internal;

import actors.Actor;

/** What the cell needs of {@link Actor} beyond its public methods: its protected {@code receive}. */
@FunctionalInterface
public interface ActorAccess {

  /** Calls {@code actor.receive(message)}; the actor's thread only. */
  void receive(Actor actor, Object message) throws Exception;
}
