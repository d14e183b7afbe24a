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
  void whenTheRoomsNodeGoesAFreshRoomTakesOverAndTheOthersKeepChatting() throws Exception {
    int firstPort = freePort();
    BlockingQueue<String> bobHears = new LinkedBlockingQueue<>();
    BlockingQueue<String> carolHears = new LinkedBlockingQueue<>();
    List<ActorSystem> firstNode = new ArrayList<>();
    await(ChatNode.start(ChatNode.Settings.parse(new String[] {"--port", "" + firstPort, "--name", "alice"}),
        line -> { }, firstNode));
    started.addAll(firstNode);
    String[] join = {"--join", "127.0.0.1:" + firstPort};
    ActorRef bob = await(ChatNode.start(ChatNode.Settings.parse(new String[] {"--port", "" + freePort(), join[0], join[1],
        "--name", "bob"}), bobHears::add, started));
    await(ChatNode.start(ChatNode.Settings.parse(new String[] {"--port", "" + freePort(), join[0], join[1],
        "--name", "carol"}), carolHears::add, started));
    assertThat(nextMatching(carolHears, "[room] carol joined")).isTrue();

    bobHears.clear();
    firstNode.get(0).close(); // the room's node goes; a fresh room starts on bob's or carol's
    started.remove(firstNode.get(0));
    // The fresh room knows nobody until the members join again (every 2 s): then it says so.
    assertThat(nextMatching(bobHears, "[room] bob joined")).as("the fresh room takes bob in").isTrue();
    boolean carolHeardBob = false;
    for (int i = 0; i < 30 && !carolHeardBob; i++) {
      bob.tell("still here " + i);
      String line = carolHears.poll(1, TimeUnit.SECONDS);
      while (line != null && !carolHeardBob) {
        carolHeardBob = line.startsWith("[bob] still here");
        line = carolHeardBob ? null : carolHears.poll();
      }
    }
    assertThat(carolHeardBob).as("carol hears bob in the fresh room").isTrue();
    assertThat(nextMatching(bobHears, "[bob] still here 0")).as("what bob said first reached the fresh room").isTrue();
  }

  @Test
  void aBadArgumentIsNamed() {
    assertThatThrownBy(() -> ChatNode.Settings.parse(new String[] {"--prot", "5701"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument '--prot'");
    assertThatThrownBy(() -> ChatNode.Settings.parse(new String[] {"--join"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--join needs a value");
  }

  /** Whether {@code expected} comes within 30 s; the lines before it are skipped. */
  private static boolean nextMatching(BlockingQueue<String> lines, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      if (expected.equals(lines.poll(left, TimeUnit.NANOSECONDS))) {
        return true;
      }
    }
    return false;
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
