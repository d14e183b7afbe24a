package modulecheck;

import actors.Actor;
import actors.ActorContext;
import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.Props;
import actors.metrics.ActorMetrics;
import actors.metrics.ActorMetricsOptions;
import actors.persistence.Persistence;
import actors.persistence.PersistenceOptions;
import actors.web.ActorTreeRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * An application on the class path using the library's artifacts from the module path, as
 * {@code ModuleTest} starts it: it prints what each module exports, asks an actor, reaches for
 * the machinery and prints what it was refused, then uses metrics (found as a service), the tree
 * page (a resource of its module) and the embedded store (its driver a module) as the artifacts'
 * module descriptors allow.
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
      ModuleLayer.boot().modules().stream().filter(module -> module.getName().startsWith("actors.vertx"))
          .sorted(java.util.Comparator.comparing(Module::getName))
          .forEach(module -> System.out.println("module " + module.getName() + " exports "
              + new TreeSet<>(module.getDescriptor().exports().stream().map(exports -> exports.source()
                  + (exports.isQualified() ? " to " + new TreeSet<>(exports.targets()) : "")).toList())));
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
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("measured")
        .setMetricsOptions(new ActorMetricsOptions().setRegistry(registry)))) {
      system.actorOf(Props.create(Leaky::new)).ask("hi").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      System.out.println("metrics " + (registry.find(ActorMetrics.ASKS_SENT).counter() != null ? "counted" : "missing"));
    }
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("watched"))) {
      // The page is a resource of the web module, which it reads at create.
      ActorTreeRouter.create(system.vertx(), system);
      System.out.println("tree page read");
    }
    try (ActorSystem system = ActorSystem.create(new ActorSystemOptions().setName("persisted"))) {
      Persistence.start(system, new PersistenceOptions().setDirectory(Files.createTempDirectory("module-path-store")))
          .ready().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println("store ready");
    }
  }
}
