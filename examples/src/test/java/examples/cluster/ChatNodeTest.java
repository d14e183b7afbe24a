package examples.cluster;

import actors.ActorRef;
import actors.ActorSystem;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two chat nodes clustered on 127.0.0.1 in this JVM, as two terminals would run them. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChatNodeTest {

  private final List<ActorSystem> started = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    started.forEach(ActorSystem::close);
  }

  @Test
  void twoNodesChatAndTheFirstSeesTheSecondLeave() throws Exception {
    int firstPort = freePort();
    BlockingQueue<String> first = new LinkedBlockingQueue<>();
    BlockingQueue<String> second = new LinkedBlockingQueue<>();
    List<ActorSystem> firstNode = new ArrayList<>();
    List<ActorSystem> secondNode = new ArrayList<>();

    ActorRef alice = await(ChatNode.start(ChatNode.Settings.parse(new String[] {"--port", "" + firstPort, "--name", "alice"}),
        first::add, firstNode));
    started.addAll(firstNode);
    assertThat(next(first)).isEqualTo("[room] alice joined");

    ActorRef bob = await(ChatNode.start(ChatNode.Settings.parse(new String[] {"--port", "" + freePort(),
        "--join", "127.0.0.1:" + firstPort, "--name", "bob"}), second::add, secondNode));
    started.addAll(secondNode);
    assertThat(next(first)).isEqualTo("[room] bob joined");
    assertThat(next(second)).isEqualTo("[room] bob joined");

    bob.tell("hello from the second terminal");
    assertThat(next(first)).isEqualTo("[bob] hello from the second terminal");
    assertThat(next(second)).isEqualTo("[bob] hello from the second terminal");
    alice.tell("hi bob");
    assertThat(next(second)).isEqualTo("[alice] hi bob");
    assertThat(next(first)).isEqualTo("[alice] hi bob");

    secondNode.get(0).close();
    assertThat(next(first)).isEqualTo("[room] bob left");
  }

  @Test
  void aBadArgumentIsNamed() {
    assertThatThrownBy(() -> ChatNode.Settings.parse(new String[] {"--prot", "5701"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument '--prot'");
    assertThatThrownBy(() -> ChatNode.Settings.parse(new String[] {"--join"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--join needs a value");
  }

  private static String next(BlockingQueue<String> lines) throws InterruptedException {
    String line = lines.poll(30, TimeUnit.SECONDS);
    assertThat(line).as("a line within 30 s").isNotNull();
    return line;
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
