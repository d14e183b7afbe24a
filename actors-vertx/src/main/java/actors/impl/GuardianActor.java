package actors.impl;

import actors.Actor;

/** The actor of {@code /user}: the parent of every top-level actor. */
final class GuardianActor extends Actor {

  @Override
  protected void receive(Object message) throws Exception {
    unhandled(message);
  }
}
