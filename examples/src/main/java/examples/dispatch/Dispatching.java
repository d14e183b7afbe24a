package examples.dispatch;

import actors.Actor;
import actors.ActorRef;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.dispatch.Dispatchers;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;

/** A blocking actor on the worker dispatcher, and two actors pinned to one context by a custom dispatcher. */
public final class Dispatching {

  private Dispatching() {
  }

  /** Reads files with blocking I/O: fine on a worker context, never on an event loop. */
  // tag::worker[]
  public static final class FileReader extends Actor {
    @Override
    protected void receive(Object message) throws Exception {
      String text = Files.readString(Path.of((String) message)); // blocks: worker dispatcher only
      sender().tell(text.length(), self());
    }
  }
  // end::worker[]

  /** Replies with whether it runs on a worker thread and on which context. */
  public static final class WhereAmI extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell(Vertx.currentContext(), self());
    }
  }

  public static void main(String[] args) throws Exception {
    Path file = Files.writeString(Files.createTempFile("dispatching", ".txt"), "twelve chars");
    Vertx vertx = Vertx.vertx();
    Context shared = vertx.getOrCreateContext();
    // tag::options[]
    ActorSystemOptions options = new ActorSystemOptions()
        .setWorkerPoolSize(4) // at most 4 worker actors block at once
        .addDispatcher("pinned", (system, path) -> shared); // every "pinned" actor shares one context
    // end::options[]
    try (ActorSystem system = ActorSystem.create(vertx, options)) {
      // tag::select[]
      ActorRef reader = system.actorOf(Props.create(FileReader::new).withDispatcher(Dispatchers.WORKER), "reader");
      ActorRef first = system.actorOf(Props.create(WhereAmI::new).withDispatcher("pinned"), "first");
      ActorRef second = system.actorOf(Props.create(WhereAmI::new).withDispatcher("pinned"), "second");
      // end::select[]
      int length = reader.<Integer>ask(file.toString()).await();
      System.out.println("the worker actor read " + length + " characters");
      Future<Context> one = first.ask("where?");
      Future<Context> two = second.ask("where?");
      Future.all(one, two).await();
      System.out.println("pinned actors share a context: " + (one.result() == shared && two.result() == shared));
    } finally {
      vertx.close().await();
      Files.delete(file);
    }
  }
}
