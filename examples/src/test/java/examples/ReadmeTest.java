package examples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** README.adoc cannot include files (GitHub does not render includes): its snippets are kept equal to the examples here. */
class ReadmeTest {

  @ParameterizedTest
  @CsvSource({
      "main/java/examples/hello/HelloWorld.java, greeter",
      "main/java/examples/hello/HelloWorld.java, main",
      "main/java/examples/supervision/SupervisionTree.java, strategy",
      "main/java/examples/http/HttpVerticle.java, route",
      "main/java/examples/cluster/ChatRoom.java, room",
      "main/java/examples/grains/Account.java, interface",
      "test/java/examples/http/KeyValueStoreTest.java, testkit"})
  void theReadmeShowsTheTaggedRegionAsItIs(String file, String tag) throws IOException {
    String source = Files.readString(Path.of("src", file));
    String readme = Files.readString(Path.of("../README.adoc"));
    assertThat(readme).as("README.adoc shows tag %s of %s", tag, file).contains(region(source, tag));
  }

  private static String region(String source, String tag) {
    Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
        .matcher(source);
    assertThat(m.find()).as("tag %s", tag).isTrue();
    String[] lines = m.group(1).split("\n");
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder dedented = new StringBuilder();
    for (String line : lines) {
      dedented.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return dedented.toString().stripTrailing();
  }
}
