package hello;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;

/** Runs one actor and checks its answer: the build fails if it does not come. */
public final class Main {

  /** Answers a name with a greeting. */
  public static final class Greeter extends Actor {
    @Override
    protected void receive(Object message) {
      if (message instanceof String name) {
        sender().tell("Hello " + name, self());
      } else {
        unhandled(message);
      }
    }
  }

  public static void main(String[] args) {
    try (ActorSystem system = ActorSystem.create()) {
      ActorRef greeter = system.actorOf(Greeter::new, "greeter");
      String reply = greeter.<String>ask("fresh project").await();
      if (!"Hello fresh project".equals(reply)) {
        throw new IllegalStateException("unexpected reply: " + reply);
      }
      System.out.println("The greeter replied: " + reply);
    }
  }
}
