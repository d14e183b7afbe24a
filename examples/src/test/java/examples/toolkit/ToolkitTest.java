package examples.toolkit;

import examples.Stdout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolkitTest {

  @Test
  void eachToolDoesItsPart() {
    assertThat(Stdout.linesOf(() -> Toolkit.main(new String[0]))).containsExactly(
        "sent a, sent b",
        "squares [1, 4, 9, 16, 25, 36, 49, 64]",
        "ActorStopped[actor=Actor[/user/connection]]",
        "DeadLetter[message=too late, sender=null, recipient=Actor[/user/connection], reason=recipient stopped]",
        "total 5");
  }
}
