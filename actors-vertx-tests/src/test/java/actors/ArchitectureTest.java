package actors;

import actors.grains.GrainTestKit;
import actors.grains.Grains;
import actors.grains.impl.GrainRuntime;
import actors.impl.ActorSystemImpl;
import actors.impl.ActorSystems;
import actors.monitor.ActorMonitor;
import actors.monitor.impl.Monitor;
import actors.persistence.Persistence;
import actors.persistence.impl.PersistenceImpl;
import actors.web.ActorTreeRouter;
import actors.web.impl.TreeRoutes;
import actors.sharding.ClusterSharding;
import actors.sharding.ClusterSingleton;
import actors.sharding.impl.Sharding;
import actors.routing.Routers;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules, across the artifacts: which package may depend on which. API packages name no
 * machinery (but for the static factories listed here); the SPI between concerns names none
 * either; each concern's machinery reaches another concern only through {@code actors.internal}
 * or its API; the core composes its concerns, names no other artifact, and of the cluster only
 * its composition root names the transport.
 */
class ArchitectureTest {

  private static final String[] API = {"actors", "actors.cluster", "actors.dispatch", "actors.event", "actors.grains",
      "actors.metrics", "actors.monitor", "actors.persistence", "actors.routing", "actors.sharding", "actors.testkit",
      "actors.web"};
  private static final String CORE = "actors.impl..";
  /** The concerns' machinery the core composes; none of them knows the core or another. */
  private static final String[] CONCERNS = {"actors.dispatch.impl..", "actors.routing.impl..", "actors.event.impl..",
      "actors.cluster.impl..", "actors.sharding.impl..", "actors.persistence.impl..", "actors.persistence.postgres.impl..",
      "actors.metrics.impl..", "actors.monitor.impl..", "actors.web.impl..", "actors.grains.impl.."};
  private static final String[] MACHINERY = Stream.concat(Stream.of(CORE), Arrays.stream(CONCERNS)).toArray(String[]::new);

  /** The core artifact's packages (actors-vertx) and those of the artifacts beside it, which it never names. */
  private static final String[] CORE_ARTIFACT = {"actors", "actors.impl..", "actors.internal", "actors.cluster..",
      "actors.dispatch..", "actors.event..", "actors.routing.."};
  private static final String[] OTHER_ARTIFACTS = {"actors.testkit..", "actors.sharding..", "actors.persistence..",
      "actors.metrics..", "actors.monitor..", "actors.web..", "actors.grains.."};

  /** Routers' package-private base, which makes the router Props. */
  private static final DescribedPredicate<JavaClass> ROUTING_CHOICE = HasName.Predicates.name("actors.routing.RoutingChoice").forSubtype();

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    // The artifacts' classes, not the tests of other modules (in their test jars).
    library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")).importPackages("actors");
  }

  @Test
  void apiNamesNoMachineryButInItsStaticFactories() {
    check(noClasses().that().resideInAnyPackage(API)
        .and(not(belongToAnyOf(ActorSystem.class, ActorProxy.class, Routers.class, ClusterSharding.class,
            ClusterSingleton.class, Persistence.class, ActorMonitor.class, ActorTreeRouter.class, Grains.class,
            GrainTestKit.class).or(ROUTING_CHOICE)))
        .should().dependOnClassesThat().resideInAnyPackage(MACHINERY));
    // ClusterSharding.get and ClusterSingleton's methods reach the system's sharding.
    check(noClasses().that().belongToAnyOf(ClusterSharding.class, ClusterSingleton.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(Sharding.class)))));
    // ActorMonitor.of and ActorTreeRouter.create make the monitor and the routes.
    check(noClasses().that().belongToAnyOf(ActorMonitor.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(Monitor.class)))));
    check(noClasses().that().belongToAnyOf(ActorTreeRouter.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(TreeRoutes.class)))));
    // Grains.get, Grains.idOf and GrainTestKit reach the system's grains.
    check(noClasses().that().belongToAnyOf(Grains.class, GrainTestKit.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(GrainRuntime.class)))));
    // Persistence.get and .start reach the system's persistence.
    check(noClasses().that().belongToAnyOf(Persistence.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(PersistenceImpl.class)))));
    // ActorSystem.create and .clustered make the system; ActorProxy.props and Routers make Props.
    check(noClasses().that().belongToAnyOf(ActorSystem.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY).and(not(belongToAnyOf(ActorSystems.class)))));
    check(noClasses().that().belongToAnyOf(ActorProxy.class)
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY)
            .and(not(belongToAnyOf(actors.impl.ProxyActor.class, actors.impl.MethodCall.class)))));
    check(noClasses().that(belongToAnyOf(Routers.class).or(ROUTING_CHOICE))
        .should().dependOnClassesThat(resideInAnyPackage(MACHINERY)
            .and(not(resideInAnyPackage("actors.routing.impl..")))));
  }

  @Test
  void theSpiBetweenConcernsNamesNoMachinery() {
    check(noClasses().that().resideInAPackage("actors.internal")
        .should().dependOnClassesThat().resideInAnyPackage(MACHINERY));
  }

  @Test
  void aConcernsMachineryKnowsNeitherTheCoreNorAnotherConcern() {
    for (String concern : CONCERNS) {
      String[] others = Arrays.stream(MACHINERY).filter(other -> !other.equals(concern)).toArray(String[]::new);
      check(noClasses().that().resideInAPackage(concern).should().dependOnClassesThat().resideInAnyPackage(others));
    }
  }

  @Test
  void ofTheClusterTheCoreNamesOnlyTheTransportItComposes() {
    check(noClasses().that().resideInAPackage(CORE).and(not(belongToAnyOf(ActorSystemImpl.class)))
        .should().dependOnClassesThat().resideInAPackage("actors.cluster.impl.."));
  }

  @Test
  void theCoreNamesNoOtherArtifact() {
    check(noClasses().that().resideInAnyPackage(CORE_ARTIFACT)
        .should().dependOnClassesThat().resideInAnyPackage(OTHER_ARTIFACTS));
  }

  @Test
  void noSourceFileIsLongerThanAboutFourHundredFiftyLines() throws IOException {
    Map<Path, Long> tooLong;
    // Every artifact's sources: this module's siblings named actors-vertx*.
    List<Path> roots;
    try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
      roots = modules.filter(module -> module.getFileName().toString().startsWith("actors-vertx"))
          .map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }
    assertThat(roots).as("the artifacts' source roots").hasSize(8);
    try (Stream<Path> sources = roots.stream().flatMap(ArchitectureTest::walk)) {
      tooLong = sources.filter(path -> path.toString().endsWith(".java"))
          .collect(Collectors.toMap(path -> path, ArchitectureTest::lines))
          .entrySet().stream().filter(entry -> entry.getValue() > 460)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
    assertThat(tooLong).as("files over 460 lines").isEmpty();
  }

  private static Stream<Path> walk(Path directory) {
    try {
      return Files.walk(directory);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long lines(Path path) {
    try {
      return Files.readAllLines(path).size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(library);
  }
}
