package actors.persistence;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The JVM {@link PersistenceCrashTest} kills: {@code actors} persistent counters on the store
 * given (a directory for the embedded store, or a PostgreSQL URI), each persisting its next number as soon as the last is durable.
 * It prints {@code RECOVERED <id> <last sequence number>} when a counter has recovered and
 * {@code ACK <id> <n>} when event {@code n} is durable, and runs until it is killed.
 */
public final class CrashingWriter {

  private CrashingWriter() {
  }

  /** Event {@code n} of a counter: its own sequence number, so a gap or a reordering shows. */
  record Counted(long n) {
  }

  private static final PrintStream OUT = System.out;

  /** Persists 1, 2, 3, ...; reports each once durable. */
  static final class Counter extends PersistentActor {
    private final String id;
    private long count;

    Counter(String id) {
      this.id = id;
    }

    @Override
    public String persistenceId() {
      return id;
    }

    @Override
    protected void receiveRecover(Object event) {
      Counted counted = (Counted) event;
      if (counted.n() != count + 1) {
        throw new IllegalStateException(id + " replayed " + counted.n() + " after " + count);
      }
      count = counted.n();
    }

    @Override
    protected void onRecoveryCompleted() {
      report("RECOVERED " + id + " " + lastSequenceNr());
      next();
    }

    @Override
    protected void receiveCommand(Object command) {
      next();
    }

    private void next() {
      persist(new Counted(count + 1), event -> {
        count = event.n();
        report("ACK " + id + " " + event.n());
        self().tell("next");
      });
    }
  }

  private static void report(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }

  public static void main(String[] args) {
    int actors = Integer.parseInt(args[1]);
    ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("crash").addMessagePackage("actors.persistence"));
    Persistence.start(system, args[0].startsWith("postgresql://") ? new PersistenceOptions().setPostgres(args[0])
        : new PersistenceOptions().setDirectory(Path.of(args[0])));
    for (int i = 0; i < actors; i++) {
      String id = "counter-" + i;
      system.actorOf(Props.create(Counter.class, () -> new Counter(id)));
    }
  }
}
