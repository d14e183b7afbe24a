package actors.impl;

import actors.Actor;
import actors.SupervisorStrategy;

/** The actor of {@code /user}: the parent of every top-level actor, with the configured strategy. */
final class GuardianActor extends Actor {

  private final SupervisorStrategy strategy;

  GuardianActor(SupervisorStrategy strategy) {
    this.strategy = strategy;
  }

  @Override
  protected void receive(Object message) {
    unhandled(message);
  }

  @Override
  public SupervisorStrategy supervisorStrategy() {
    return strategy;
  }
}
