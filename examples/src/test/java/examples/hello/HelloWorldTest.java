package examples.hello;

import examples.Stdout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelloWorldTest {

  @Test
  void greetsTheWorldPrintsTheReplyAndReturns() {
    assertThat(Stdout.linesOf(() -> HelloWorld.main(new String[0])))
        .containsExactly("Hello world", "The greeter replied: Nice to meet you, world");
  }
}
