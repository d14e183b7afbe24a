package adoption;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each artifact puts on an application's runtime class path. The core alone (this module's
 * own runtime class path, resolved by Maven into target/core-only-classpath.txt) holds vertx-core
 * and its Netty modules, Jackson and the library: nothing that persistence, metrics, a web page
 * or a cluster manager would bring. Each other artifact's class path (its module's
 * target/runtime-classpath.txt, its optional dependencies left out, as an application gets it)
 * adds what the manual's table "Which artifact brings what" says, jar for jar, and about as many
 * KiB.
 */
class FootprintTest {

  private static final String GROUP = "io.github.actorsvertx:";
  private static final List<String> ARTIFACTS = List.of("actors-vertx", "actors-vertx-testkit", "actors-vertx-sharding",
      "actors-vertx-persistence", "actors-vertx-postgres", "actors-vertx-metrics", "actors-vertx-web");
  private static final Set<String> CORE_ALLOWED = Set.of(
      "io.vertx:vertx-core",
      "io.vertx:vertx-core-logging",
      "com.fasterxml.jackson.core:jackson-core",
      "com.fasterxml.jackson.core:jackson-databind",
      "com.fasterxml.jackson.core:jackson-annotations");
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w-]+)` \\| (\\d+) \\| ([\\d,]+) \\| (.*)$", Pattern.MULTILINE);

  @Test
  void aCoreOnlyApplicationGetsVertxCoreNettyJacksonAndTheLibraryOnly() throws IOException {
    List<Path> jars = classPath(Path.of(Repo.property("core.classpath")));
    assertThat(jars).extracting(FootprintTest::coordinate)
        .contains(GROUP + "actors-vertx", "io.vertx:vertx-core")
        .allSatisfy(c -> assertThat(c.startsWith("io.netty:netty-") || CORE_ALLOWED.contains(c)
            || c.equals(GROUP + "actors-vertx")).as(c).isTrue());
  }

  @Test
  void eachArtifactBringsWhatTheManualSays() throws IOException {
    Map<String, Row> measured = measure();
    StringBuilder table = new StringBuilder();
    measured.forEach((artifact, row) -> table.append(row.line(artifact)).append('\n'));
    System.out.print("measured (the manual's table between // footprint:start and // footprint:end):\n" + table);

    assertThat(measured.get("actors-vertx-sharding").jars()).as("sharding adds itself only").containsExactly("actors-vertx-sharding");
    assertThat(measured.get("actors-vertx-persistence").jars()).as("persistence brings the embedded store's driver")
        .contains("sqlite-jdbc").doesNotContain("postgresql");
    assertThat(measured.get("actors-vertx-postgres").jars()).as("the reactive store brings Vert.x's client, not JDBC's")
        .contains("vertx-pg-client", "vertx-sql-client", "actors-vertx-persistence").doesNotContain("postgresql");
    assertThat(measured.get("actors-vertx-metrics").jars()).contains("micrometer-core").doesNotContain("vertx-micrometer-metrics");
    assertThat(measured.get("actors-vertx-web").jars()).contains("vertx-web", "vertx-health-check");
    assertThat(measured.get("actors-vertx-testkit").jars()).contains("vertx-junit5", "junit-jupiter-api");

    Map<String, Row> documented = documented();
    assertThat(documented.keySet()).as("the manual's rows; measured:\n%s", table).containsExactlyElementsOf(ARTIFACTS);
    for (String artifact : ARTIFACTS) {
      Row doc = documented.get(artifact);
      Row real = measured.get(artifact);
      assertThat(doc.jars()).as("the jars %s adds; measured:\n%s", artifact, table).isEqualTo(real.jars());
      assertThat((double) doc.kib()).as("the KiB %s adds; measured:\n%s", artifact, table)
          .isBetween(real.kib() * 0.9, real.kib() * 1.1);
    }
  }

  /** What each artifact adds beyond the core (the core's row: all of it), by artifact id. */
  private static Map<String, Row> measure() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    Map<String, Long> core = null;
    for (String artifact : ARTIFACTS) {
      Path module = Repo.root().resolve(artifact);
      List<Path> jars = new ArrayList<>(classPath(module.resolve("target/runtime-classpath.txt")));
      jars.add(module.resolve("target/" + artifact + "-" + Repo.property("project.version") + ".jar"));
      Map<String, Long> sizes = new TreeMap<>();
      for (Path jar : jars) {
        String coordinate = coordinate(jar);
        sizes.put(coordinate.substring(coordinate.indexOf(':') + 1), Files.size(jar));
      }
      if (core == null) {
        core = sizes;
      } else {
        sizes.keySet().removeAll(core.keySet());
      }
      rows.put(artifact, new Row(List.copyOf(sizes.keySet()), sizes.values().stream().mapToLong(Long::longValue).sum() / 1024));
    }
    return rows;
  }

  private static Map<String, Row> documented() throws IOException {
    String manual = Files.readString(Repo.root().resolve("src-docs/index.adoc"));
    int start = manual.indexOf("// footprint:start");
    int end = manual.indexOf("// footprint:end");
    assertThat(start).as("the manual marks its footprint table").isPositive().isLessThan(end);
    Map<String, Row> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(manual.substring(start, end));
    while (row.find()) {
      List<String> jars = Arrays.stream(row.group(4).split(",")).map(String::strip).toList();
      assertThat(jars).as("row %s: its jar count", row.group(1)).hasSize(Integer.parseInt(row.group(2)));
      rows.put(row.group(1), new Row(jars, Long.parseLong(row.group(3).replace(",", ""))));
    }
    return rows;
  }

  /** Jars by artifact id, sorted, and the KiB they add. */
  private record Row(List<String> jars, long kib) {
    String line(String artifact) {
      return String.format("| `%s` | %d | %,d | %s", artifact, jars.size(), kib, String.join(", ", jars));
    }
  }

  private static List<Path> classPath(Path file) throws IOException {
    String content = Files.readString(file).strip();
    return content.isEmpty() ? List.of() : Arrays.stream(content.split(File.pathSeparator)).map(Path::of).toList();
  }

  /** group:artifact of a jar: from its place in a Maven repository, or a reactor module's target. */
  private static String coordinate(Path jar) {
    Path normalized = jar.toAbsolutePath().normalize();
    // A module of this build: its jar in its target directory, or target/classes before packaging.
    if (normalized.getParent().endsWith("target")) {
      return GROUP + normalized.getParent().getParent().getFileName();
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
