package benchmarks.stats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The CPU time the whole process spent (all threads, as the operating system counts it) per
 * operation of each JMH iteration: time the host took away from the process is not in it, so it
 * varies far less than wall-clock speed on a shared machine. A benchmark calls {@link #start()}
 * when an iteration starts, {@link #count} as it runs operations and {@link #end()} when the
 * iteration ends; where the system property {@value #FILE} names a file, the iteration's CPU time
 * and operations are appended to it, and the runner reads them with {@link #perOperation}. The
 * operating system counts in ticks of 10 ms: 1% of a shot of 1 s on one core.
 */
public final class CpuTime {

  /** The system property naming the file each iteration appends its CPU time and operations to. */
  public static final String FILE = "bench.cpu.file";

  private long atStart;
  private long operations;

  /** At an iteration's start. */
  public void start() {
    operations = 0;
    atStart = processCpuNanos();
  }

  /** {@code done} more operations in this iteration. */
  public void count(long done) {
    operations += done;
  }

  /** At the iteration's end: appends its CPU time and operations to the file, if one is named. */
  public void end() throws IOException {
    long cpu = processCpuNanos() - atStart;
    String file = System.getProperty(FILE);
    if (file != null) {
      Files.writeString(Path.of(file), cpu + " " + operations + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** The CPU time of the whole process, all threads, in ns. */
  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The JVM argument that makes a fork write to {@code file}. */
  public static String jvmArg(Path file) {
    return "-D" + FILE + "=" + file;
  }

  /**
   * The CPU time per operation, in ns, of the last {@code shots} iterations in {@code file} (the
   * warm-ups wrote theirs first), none if the benchmark recorded none; deletes the file.
   */
  public static double[] perOperation(Path file, int shots) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Files.delete(file);
    if (lines.isEmpty()) {
      return new double[0];
    }
    if (lines.size() < shots) {
      throw new IllegalStateException(file + " holds " + lines.size() + " iterations, fewer than the " + shots + " shots");
    }
    return lines.subList(lines.size() - shots, lines.size()).stream().map(line -> line.split(" "))
        .mapToDouble(cpuAndOperations -> Double.parseDouble(cpuAndOperations[0]) / Double.parseDouble(cpuAndOperations[1]))
        .toArray();
  }
}
