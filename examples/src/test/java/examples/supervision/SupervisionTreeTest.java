package examples.supervision;

import examples.Stdout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionTreeTest {

  @Test
  void theWorkerIsRestartedTheWatcherHearsTheKillAndTheVerticleIsRedeployed() {
    assertThat(Stdout.linesOf(() -> SupervisionTree.main(new String[0]))).containsSubsequence(
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
