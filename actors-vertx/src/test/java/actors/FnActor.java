package actors;

/** An actor whose behaviour is a lambda, for tests: {@code () -> new FnActor((self, msg) -> ...)}. */
final class FnActor extends Actor {

  /** The behaviour: gets the actor itself, to reach its sender, self and context. */
  @FunctionalInterface
  interface Behaviour {
    void receive(FnActor actor, Object message) throws Exception;
  }

  private final Behaviour behaviour;

  FnActor(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  protected void receive(Object message) throws Exception {
    behaviour.receive(this, message);
  }

  ActorRef me() {
    return self();
  }

  ActorRef from() {
    return sender();
  }

  ActorContext ctx() {
    return context();
  }

  void reply(Object message) {
    sender().tell(message, self());
  }

  void notHandled(Object message) {
    unhandled(message);
  }
}
