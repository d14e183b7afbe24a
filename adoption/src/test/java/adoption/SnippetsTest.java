package adoption;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build snippets a user copies: in README.adoc and the manual, every coordinate of ours
 * carries the project's version and every Vert.x and JUnit one the versions the build uses; the
 * fresh project that the build compiles and runs (src/it/fresh-project) is README's Maven
 * snippet as it stands.
 */
class SnippetsTest {

  private static final Pattern MAVEN_VERSION = Pattern.compile(
      "<groupId>([\\w.]+)</groupId>\\s*<artifactId>([\\w.-]+)</artifactId>\\s*<version>([^<]+)</version>");
  private static final Pattern GRADLE_COORDINATE = Pattern.compile("'([\\w.]+):([\\w.-]+):([^':]+)'");

  private static String read(String file) throws IOException {
    return Files.readString(Repo.root().resolve(file));
  }

  /** group:artifact -> version, for every coordinate written out with a version in {@code text}. */
  private static List<String[]> coordinates(String text) {
    List<String[]> found = new ArrayList<>();
    for (Pattern pattern : List.of(MAVEN_VERSION, GRADLE_COORDINATE)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        found.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
    }
    return found;
  }

  private static String expectedVersion(String group, String artifact) {
    if (group.equals("io.github.actorsvertx")) {
      return Repo.property("project.version");
    }
    if (group.equals("io.vertx")) {
      return Repo.property("vertx.version");
    }
    if (group.equals("org.junit.jupiter")) {
      return Repo.property("junit.version");
    }
    if (group.equals("org.junit.platform")) {
      // JUnit 5's platform is numbered 1.x alongside Jupiter's 5.x.
      return "1" + Repo.property("junit.version").substring(1);
    }
    return null;
  }

  @Test
  void everyCoordinateInTheReadmeAndTheManualCarriesTheBuildsVersions() throws IOException {
    for (String file : List.of("README.adoc", "src-docs/index.adoc")) {
      List<String[]> coordinates = coordinates(read(file));
      assertThat(coordinates).as("coordinates in %s", file)
          .anySatisfy(c -> assertThat(c[1]).isEqualTo("actors-vertx-bom"));
      for (String[] c : coordinates) {
        String expected = expectedVersion(c[0], c[1]);
        if (expected != null) {
          assertThat(c[2]).as("%s:%s in %s", c[0], c[1], file).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theFreshProjectIsTheReadmesMavenSnippet() throws IOException {
    String readme = read("README.adoc");
    Matcher block = Pattern.compile("\\[source,xml]\\n----\\n(<dependencyManagement>.*?</dependencies>)\\n----", Pattern.DOTALL)
        .matcher(readme);
    assertThat(block.find()).as("README.adoc has a [source,xml] block of <dependencyManagement> and <dependencies>").isTrue();
    String pom = Files.readString(Path.of("src/it/fresh-project/pom.xml"));
    Matcher snippet = Pattern.compile("<!-- snippet -->\\n(.*?)\\n\\s*<!-- end of snippet -->", Pattern.DOTALL).matcher(pom);
    assertThat(snippet.find()).as("the fresh project's pom marks the snippet").isTrue();
    assertThat(normalized(snippet.group(1))).isEqualTo(normalized(block.group(1)));
  }

  private static List<String> normalized(String xml) {
    return xml.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
