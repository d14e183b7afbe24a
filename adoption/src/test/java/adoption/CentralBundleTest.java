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
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Maven Central requires of a deployment (central.sonatype.org/publish/requirements),
 * checked on what this build would deploy: the parent POM and actors-vertx's POM, jar, sources
 * jar and javadoc jar. Each POM, with what it inherits from the parent, names the project,
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

  @Test
  void theParentAndTheLibraryPomsCarryEverythingARepositoryRequires() throws Exception {
    Element parent = pom(Repo.root().resolve("pom.xml"));
    Element library = pom(Repo.root().resolve("actors-vertx/pom.xml"));
    assertThat(missing(parent, null)).as("missing in the parent POM").isEmpty();
    assertThat(missing(library, parent)).as("missing in actors-vertx's POM").isEmpty();
    assertThat(text(library, "parent/artifactId")).isEqualTo(text(parent, "artifactId"));
    // The URLs are inherited as they are, not with the module's name appended.
    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(child(parent, "scm").getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
  }

  @Test
  void theLibraryJarComesWithItsSourcesAndJavadoc() throws Exception {
    String version = Repo.property("project.version");
    Path target = Repo.root().resolve("actors-vertx/target");
    Path jar = target.resolve("actors-vertx-" + version + ".jar");
    Path sources = target.resolve("actors-vertx-" + version + "-sources.jar");
    Path javadoc = target.resolve("actors-vertx-" + version + "-javadoc.jar");
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
      assertThat(withoutSource).as("classes without a source in the sources jar").isEmpty();
      assertThat(docs.getEntry("index.html")).as("javadoc index").isNotNull();
      assertThat(docs.getEntry("actors.vertx/actors/ActorSystem.html")).as("javadoc of the API").isNotNull();
      assertThat(docs.getEntry("actors.vertx/actors/impl/ActorSystemImpl.html")).as("no javadoc of the machinery").isNull();
    }
    assertThat(Files.size(jar)).isPositive();
  }
}
