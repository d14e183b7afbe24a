package examples.hello;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;

/**
 * The quick start: a greeter that prints a greeting and replies to whoever sent the name.
 * Run it with {@code mvn -B -q -pl examples -am compile exec:java}.
 */
public final class HelloWorld {

  private HelloWorld() {
  }

  // tag::greeter[]
  /** Prints a greeting for every name it receives and replies to the sender. */
  public static final class Greeter extends Actor {

    @Override
    protected void receive(Object message) {
      if (message instanceof String name) {
        System.out.println("Hello " + name);
        sender().tell("Nice to meet you, " + name, self());
      } else {
        unhandled(message);
      }
    }
  }
  // end::greeter[]

  /** Starts a system, greets the world, prints the reply, and shuts down. */
  public static void main(String[] args) {
    // tag::main[]
    try (ActorSystem system = ActorSystem.create()) {
      ActorRef greeter = system.actorOf(Greeter::new, "greeter");
      String reply = greeter.<String>ask("world").await();
      System.out.println("The greeter replied: " + reply);
    }
    // end::main[]
  }
}
