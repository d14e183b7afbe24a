package examples.hello;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HelloWorldTest {

  @Test
  void greetsTheWorldPrintsTheReplyAndReturns() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      HelloWorld.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("Hello world", "The greeter replied: Nice to meet you, world");
  }

  @Test
  void theReadmeShowsTheExampleAsItIs() throws IOException {
    String source = Files.readString(Path.of("src/main/java/examples/hello/HelloWorld.java"));
    String readme = Files.readString(Path.of("../README.adoc"));
    for (String tag : new String[] {"greeter", "main"}) {
      assertThat(readme).as("README.adoc shows tag %s of HelloWorld.java", tag).contains(region(source, tag));
    }
  }

  private static String region(String source, String tag) {
    Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
        .matcher(source);
    assertThat(m.find()).as("tag %s in HelloWorld.java", tag).isTrue();
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
