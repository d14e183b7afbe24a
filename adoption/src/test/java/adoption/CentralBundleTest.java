package adoption;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Maven Central requires of a deployment (central.sonatype.org/publish/requirements),
 * checked on what this build would deploy: the parent POM, the BOM, and each artifact's POM, jar,
 * sources jar and javadoc jar. Each POM, with what it inherits from the parent, names the project,
 * describes it, and gives its URL, license, developers and SCM; every jar has its sources and
 * javadoc. Signatures and checksums are made when deploying (README's development section).
 */
class CentralBundleTest {

  private static final List<String> REQUIRED = List.of("name", "description", "url", "licenses/license/name",
      "licenses/license/url", "developers/developer/name", "scm/url", "scm/connection");

  private static Element pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  /** The text at a slash-separated path of child elements, or null. */
  private static String text(Element element, String path) {
    Element current = element;
    for (String name : path.split("/")) {
      current = child(current, name);
      if (current == null) {
        return null;
      }
    }
    String text = current.getTextContent().strip();
    return text.isEmpty() ? null : text;
  }

  private static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node node = children.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<String> missing(Element pom, Element parent) {
    List<String> missing = new ArrayList<>();
    for (String path : REQUIRED) {
      // name and description are never inherited; the rest may come from the parent.
      boolean own = path.equals("name") || path.equals("description");
      if (text(pom, path) == null && (own || parent == null || text(parent, path) == null)) {
        missing.add(path);
      }
    }
    return missing;
  }

  /** The published artifacts, their module names and one API class each (as a javadoc page). */
  private static final Map<String, String> ARTIFACTS = new LinkedHashMap<>();

  static {
    ARTIFACTS.put("actors-vertx", "actors.vertx/actors/ActorSystem.html");
    ARTIFACTS.put("actors-vertx-testkit", "actors.vertx.testkit/actors/testkit/TestProbe.html");
    ARTIFACTS.put("actors-vertx-sharding", "actors.vertx.sharding/actors/sharding/ClusterSharding.html");
    ARTIFACTS.put("actors-vertx-persistence", "actors.vertx.persistence/actors/persistence/PersistentActor.html");
    // No API of its own: its javadoc jar's page says so.
    ARTIFACTS.put("actors-vertx-postgres", "index.html");
    ARTIFACTS.put("actors-vertx-metrics", "actors.vertx.metrics/actors/metrics/ActorMetricsOptions.html");
    ARTIFACTS.put("actors-vertx-web", "actors.vertx.web/actors/web/ActorTreeRouter.html");
  }

  @Test
  void everyPublishedPomCarriesEverythingARepositoryRequires() throws Exception {
    Element parent = pom(Repo.root().resolve("pom.xml"));
    assertThat(missing(parent, null)).as("missing in the parent POM").isEmpty();
    for (String artifact : ARTIFACTS.keySet()) {
      Element library = pom(Repo.root().resolve(artifact + "/pom.xml"));
      assertThat(missing(library, parent)).as("missing in %s's POM", artifact).isEmpty();
      assertThat(text(library, "parent/artifactId")).isEqualTo(text(parent, "artifactId"));
      assertThat(text(library, "artifactId")).isEqualTo(artifact);
    }
    // The BOM has no parent (importing it manages nothing but the artifacts): all of it is its own.
    Element bom = pom(Repo.root().resolve("actors-vertx-bom/pom.xml"));
    assertThat(missing(bom, null)).as("missing in the BOM").isEmpty();
    assertThat(text(bom, "parent")).isNull();
    assertThat(text(bom, "version")).isEqualTo(Repo.property("project.version"));
    for (String plugin : List.of("install", "deploy", "site", "gpg", "central-publishing")) {
      String property = "properties/" + plugin + "-plugin.version";
      assertThat(text(bom, property)).as("the BOM's %s", property).isEqualTo(text(parent, property));
    }
    String managed = child(bom, "dependencyManagement").getTextContent();
    assertThat(ARTIFACTS.keySet()).allSatisfy(artifact -> assertThat(managed).contains(artifact + "\n"));
    // The URLs are inherited as they are, not with the module's name appended.
    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(child(parent, "scm").getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
  }

  @Test
  void everyArtifactsJarComesWithItsSourcesAndJavadoc() throws Exception {
    String version = Repo.property("project.version");
    for (Map.Entry<String, String> artifact : ARTIFACTS.entrySet()) {
      Path target = Repo.root().resolve(artifact.getKey() + "/target");
      Path jar = target.resolve(artifact.getKey() + "-" + version + ".jar");
      Path sources = target.resolve(artifact.getKey() + "-" + version + "-sources.jar");
      Path javadoc = target.resolve(artifact.getKey() + "-" + version + "-javadoc.jar");
      assertThat(jar).exists();
      assertThat(sources).exists();
      assertThat(javadoc).exists();
      try (ZipFile classes = new ZipFile(jar.toFile()); ZipFile source = new ZipFile(sources.toFile());
           ZipFile docs = new ZipFile(javadoc.toFile())) {
        // Every top-level class has its source.
        List<String> withoutSource = classes.stream().map(e -> e.getName())
            .filter(name -> name.endsWith(".class") && !name.contains("$"))
            .map(name -> name.replace(".class", ".java"))
            .filter(name -> source.getEntry(name) == null)
            .toList();
        assertThat(withoutSource).as("classes of %s without a source in the sources jar", artifact.getKey()).isEmpty();
        assertThat(docs.getEntry("index.html")).as("javadoc index of %s", artifact.getKey()).isNotNull();
        assertThat(docs.getEntry(artifact.getValue())).as("javadoc of %s's API", artifact.getKey()).isNotNull();
        assertThat(docs.stream().map(e -> e.getName()).filter(name -> name.contains("/impl/") || name.contains("/internal/")))
            .as("no javadoc of the machinery in %s", artifact.getKey()).isEmpty();
      }
    }
  }
}
