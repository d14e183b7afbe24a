package examples.supervision;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionTreeTest {

  @Test
  void theWorkerIsRestartedTheWatcherHearsTheKillAndTheVerticleIsRedeployed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SupervisionTree.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsSubsequence(
        "worker started",          // first instance
        "worker started",          // restarted after "bad job", once the back-off passed
        "worker did good job",     // the message queued during the back-off was kept
        "done: good job",
        "watcher saw /user/doomed terminate",
        "connection verticle 1 started",
        "connection verticle 1 stopped",
        "connection verticle 2 started");
  }
}
