package actors.partition;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The JVMs of a partition test, one {@link PartitionNode} each on 127.0.0.2, 127.0.0.3, ...:
 * it sends them commands and reads their answers, and keeps every {@code LIFE} line they print,
 * with everything else, for the checks after the run.
 */
final class PartitionCluster implements AutoCloseable {

  /** The entities and the singleton that a node asks in one {@code ASK}. */
  static final int ALL = PartitionNode.ENTITIES + 1;
  private static final String ANSWERED_ALL = "ASKED " + ALL + " 0 ";
  private static final String WROTE_ALL = "WROTE " + PartitionNode.PERSISTENT + " 0 ";

  /** One node: its process, its address and id, and the lines it printed that the test has not read yet. */
  record Node(int index, String address, String nodeId, Process process, PrintStream commands, BlockingQueue<String> lines) {

    /** Sends {@code command} and returns the first line after it that starts with {@code answer}. */
    String ask(String command, String answer, long timeoutMs) throws InterruptedException {
      send(command, answer);
      return await(command, answer, timeoutMs);
    }

    /** Sends {@code command}, whose answer starts with {@code answer}: answers to earlier commands are dropped. */
    void send(String command, String answer) {
      lines.removeIf(line -> line.startsWith(answer));
      commands.println(command);
      commands.flush();
    }

    /** The first line that starts with {@code answer}, the answer to {@code command}. */
    String await(String command, String answer, long timeoutMs) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(answer)) {
          return line;
        }
      }
      throw new AssertionError("node " + address + " did not answer " + command + " within " + timeoutMs + " ms");
    }
  }

  final List<Node> nodes = new ArrayList<>();
  /** Every LIFE line of every node, in the order read. */
  final ConcurrentLinkedQueue<String> lives = new ConcurrentLinkedQueue<>();
  /** The ids of every write a node saw acknowledged. */
  final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();

  /** The loopback addresses of {@code count} nodes: 127.0.0.2, 127.0.0.3, ... */
  static List<String> addresses(int count) {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add("127.0.0." + (i + 2));
    }
    return addresses;
  }

  /**
   * Starts a node of a cluster named {@code name} on each of {@code addresses}, each ready before
   * the next, with persistent entities in the PostgreSQL database at {@code postgres}.
   */
  PartitionCluster(String name, List<String> addresses, String postgres) throws Exception {
    for (int i = 0; i < addresses.size(); i++) {
      nodes.add(start(i, name, addresses.get(i), String.join(",", addresses), postgres));
    }
  }

  private Node start(int index, String name, String address, String all, String postgres) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
        "-cp", System.getProperty("java.class.path"), PartitionNode.class.getName(), name, address, all, postgres);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith("ACKED ")) {
            acknowledged.add(line.substring("ACKED ".length()));
          } else if (line.startsWith("LIFE ")) {
            lives.add(line);
            output.add(address + ": " + line);
          } else {
            lines.add(line);
            output.add(address + ": " + line);
          }
        }
      } catch (Exception ignored) {
        // the process ended
      }
    }, "partition-node-" + address);
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith("READY ")) {
        return new Node(index, address, line.substring("READY ".length()), process,
            new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8), lines);
      }
      if (line == null && !process.isAlive()) {
        break;
      }
    }
    process.destroyForcibly();
    throw new AssertionError("node " + address + " did not get ready; output:\n" + String.join("\n", output));
  }

  /** Asks until {@code done} holds for the answer, at most {@code timeoutMs}; returns the answer and how long it took. */
  static Awaited awaitAnswer(Node node, String command, String answer, Predicate<String> done, long timeoutMs)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    String last = null;
    while (System.nanoTime() < deadline) {
      // The last round too gets its answer (a write's asks time out after 3 s), so that a failure names it.
      last = node.ask(command, answer, Math.max(5_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (done.test(last)) {
        return new Awaited(last, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
      Thread.sleep(200); // the next round of asks, not a wait for an outcome
    }
    throw new AssertionError("node " + node.address() + ": " + command + " never gave what was expected within "
        + timeoutMs + " ms; last answer: " + last);
  }

  record Awaited(String answer, long ms) {
  }

  /** Waits until {@code node} has an answer from every entity and the singleton, at most {@code timeoutMs}. */
  static void answersAll(Node node, long timeoutMs) throws InterruptedException {
    awaitAnswer(node, "ASK", "ASKED", line -> line.startsWith(ANSWERED_ALL), timeoutMs);
  }

  /** Waits until a write tagged {@code tag} from {@code node} is acknowledged by every persistent entity. */
  static void writesAll(Node node, String tag, long timeoutMs) throws InterruptedException {
    awaitAnswer(node, "WRITE " + tag, "WROTE", line -> line.startsWith(WROTE_ALL), timeoutMs);
  }

  /** Waits until every node counts {@code count} members, at most {@code timeoutMs} each. */
  void awaitMembers(int count, long timeoutMs) throws InterruptedException {
    for (Node node : nodes) {
      try {
        awaitAnswer(node, "MEMBERS", "MEMBERS", line -> line.startsWith("MEMBERS " + count + " "), timeoutMs);
      } catch (AssertionError notYet) {
        throw new AssertionError(notYet.getMessage() + "; every node's view: " + views(), notYet);
      }
    }
  }

  /** Each node's member list as it answers {@code MEMBERS} now, for a failure's message. */
  private String views() throws InterruptedException {
    List<String> views = new ArrayList<>();
    for (Node node : nodes) {
      try {
        views.add(node.address() + " " + node.ask("MEMBERS", "MEMBERS", 5_000));
      } catch (AssertionError silent) {
        views.add(node.address() + " silent");
      }
    }
    return String.join("; ", views);
  }

  /** The node whose id is {@code nodeId}. */
  Node byId(String nodeId) {
    return nodes.stream().filter(node -> node.nodeId().equals(nodeId)).findFirst()
        .orElseThrow(() -> new AssertionError("no node " + nodeId));
  }

  /** What the nodes printed besides their lives, for a failure's message. */
  String output() {
    return String.join("\n", output);
  }

  @Override
  public void close() throws Exception {
    java.nio.file.Files.createDirectories(Path.of("target"));
    java.nio.file.Files.write(Path.of("target", "partition-nodes.log"), output);
    for (Node node : nodes) {
      node.commands().close();
    }
    for (Node node : nodes) {
      if (!node.process().waitFor(20, TimeUnit.SECONDS)) {
        node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
