package adoption;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime class path of an application that depends on actors-vertx alone (this module,
 * resolved by Maven into target/core-only-classpath.txt) holds vertx-core and its Netty modules,
 * Jackson, and the library: nothing that persistence, metrics, tracing, a web page or a cluster
 * manager would bring.
 */
class FootprintTest {

  private static final Set<String> ALLOWED = Set.of(
      "io.vertx:vertx-core",
      "io.vertx:vertx-core-logging",
      "com.fasterxml.jackson.core:jackson-core",
      "com.fasterxml.jackson.core:jackson-databind",
      "com.fasterxml.jackson.core:jackson-annotations");

  @Test
  void aCoreOnlyApplicationGetsVertxCoreNettyJacksonAndTheLibraryOnly() throws IOException {
    List<Path> jars = Arrays.stream(Files.readString(Path.of(Repo.property("core.classpath"))).strip()
        .split(File.pathSeparator)).map(Path::of).toList();
    long bytes = 0;
    StringBuilder report = new StringBuilder();
    for (Path jar : jars) {
      bytes += Files.size(jar);
      report.append(String.format("%8d KiB  %s%n", Files.size(jar) / 1024, jar.getFileName()));
    }
    System.out.printf("core-only runtime class path: %d jars, %d KiB%n%s", jars.size(), bytes / 1024, report);
    assertThat(jars).extracting(FootprintTest::coordinate)
        .contains("io.github.actorsvertx:actors-vertx", "io.vertx:vertx-core")
        .allSatisfy(c -> assertThat(c.startsWith("io.netty:netty-") || ALLOWED.contains(c)
            || c.equals("io.github.actorsvertx:actors-vertx")).as(c).isTrue());
  }

  /** group:artifact of a jar: from its place in a Maven repository, or a reactor module's target. */
  private static String coordinate(Path jar) {
    Path normalized = jar.toAbsolutePath().normalize();
    // A module of this build: its jar in its target directory, or target/classes before packaging.
    if (normalized.getParent().endsWith("target")) {
      return "io.github.actorsvertx:" + normalized.getParent().getParent().getFileName();
    }
    Path version = normalized.getParent();
    Path artifact = version.getParent();
    Path group = artifact.getParent();
    int repository = -1;
    for (int i = 0; i < group.getNameCount(); i++) {
      if (group.getName(i).toString().equals("repository")) {
        repository = i;
      }
    }
    String groupId = group.subpath(repository + 1, group.getNameCount()).toString().replace(File.separatorChar, '.');
    return groupId + ":" + artifact.getFileName();
  }
}
