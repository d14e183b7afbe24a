package counter;

import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.persistence.PersistentActor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts in the embedded store, then counts on in a new system that replays the events: the
 * build fails unless the second system starts where the first one stopped.
 */
public final class Main {

  /** The event: one more. */
  public record Added(int by) {
  }

  /** Adds what it is told and answers with the total, once the event is durable. */
  public static final class Counter extends PersistentActor {
    private int total;

    @Override
    public String persistenceId() {
      return "counter";
    }

    @Override
    protected void receiveRecover(Object event) {
      total += ((Added) event).by();
    }

    @Override
    protected void receiveCommand(Object command) {
      persist(new Added((Integer) command), added -> {
        total += added.by();
        sender().tell(total, self());
      });
    }
  }

  private static int add(Path directory, int by) {
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().addMessagePackage("counter"))) {
      Persistence.start(system, new PersistenceOptions().setDirectory(directory)).ready().await();
      ActorRef counter = system.actorOf(Props.create(Counter::new), "counter");
      return counter.<Integer>ask(by).await();
    }
  }

  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("counter");
    int first = add(directory, 2);
    int second = add(directory, 3);
    if (first != 2 || second != 5) {
      throw new IllegalStateException("expected 2 then 5, got " + first + " then " + second);
    }
    System.out.println("The counter went on from the embedded store: " + first + ", then " + second);
  }
}
