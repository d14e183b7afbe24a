package actors.internal;

import actors.ActorRef;

/** The shared reference of one actor-verticle deployment's instances: round-robin over their actors. */
public interface VerticlePool extends ActorRef {

  /** Numbers the routees of the pool: 1, 2, ... */
  int nextMemberNumber();

  /** Adds a routee; it gets messages from now on. */
  void add(ActorRef routee);
}
