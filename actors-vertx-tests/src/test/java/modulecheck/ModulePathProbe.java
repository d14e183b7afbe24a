package modulecheck;

import actors.Actor;
import actors.ActorContext;
import actors.ActorSystem;
import actors.Props;

import java.lang.invoke.MethodHandles;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * An application on the class path using the library from the module path, as {@code ModuleTest}
 * starts it: it asks an actor, then reaches for the machinery and prints what it was refused.
 */
public final class ModulePathProbe {

  private ModulePathProbe() {
  }

  /** Replies with its own context: what a careless actor could leak. */
  static final class Leaky extends Actor {
    @Override
    protected void receive(Object message) {
      sender().tell(context(), self());
    }
  }

  public static void main(String[] args) throws Exception {
    try (ActorSystem system = ActorSystem.create()) {
      Module module = ActorSystem.class.getModule();
      System.out.println("module " + module.getName());
      System.out.println("exports " + new TreeSet<>(module.getDescriptor().exports().stream()
          .map(exports -> exports.source() + (exports.isQualified() ? " to " + exports.targets() : "")).toList()));
      ActorContext leaked = system.actorOf(Props.create(Leaky::new)).<ActorContext>ask("hi")
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      System.out.println("asked " + leaked.self().path());
      try {
        leaked.getClass().getMethod("path").invoke(leaked);
        System.out.println("reached the cell");
      } catch (IllegalAccessException e) {
        System.out.println("cell refused");
      }
      try {
        Class.forName("actors.internal.SharedSecrets", true, ActorSystem.class.getClassLoader())
            .getMethod("cellAccess", MethodHandles.Lookup.class).invoke(null, MethodHandles.lookup());
        System.out.println("reached the secrets");
      } catch (IllegalAccessException e) {
        System.out.println("secrets refused");
      }
    }
  }
}
