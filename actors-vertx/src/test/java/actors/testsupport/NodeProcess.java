package actors.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in a JVM of its own, on this JVM's class path: started from a main class that
 * prints {@code READY <nodeId>} once it serves, and exits when its standard input closes.
 */
public final class NodeProcess {

  private NodeProcess() {
  }

  /** Starts {@code main} with {@code args} and waits for it to be ready; returns the process and its node id. */
  public static Started start(Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new Started(process, awaitReady(process));
  }

  public record Started(Process process, String nodeId) {
  }

  /**
   * The node id it prints when ready; its output is drained until it ends, and what it prints
   * after READY goes to this JVM's output, each line marked with the node's process id, so that
   * a failed test shows what the other nodes logged.
   */
  private static String awaitReady(Process process) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        boolean ready = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (ready) {
            System.out.println("[pid " + process.pid() + "] " + line);
          } else {
            lines.add(line);
            ready = line.startsWith("READY ");
          }
        }
      } catch (Exception ignored) {
        // The process was killed: its output ends.
      }
    }, "node-process-output");
    reader.setDaemon(true);
    reader.start();
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("READY ")) {
        return line.substring("READY ".length());
      }
      if (line != null) {
        seen.add(line);
      }
      if (line == null && !process.isAlive()) {
        break;
      }
    }
    process.destroyForcibly();
    throw new AssertionError("the node in a second JVM did not get ready; its output:\n" + String.join("\n", seen));
  }
}
