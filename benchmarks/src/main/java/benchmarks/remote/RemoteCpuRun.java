package benchmarks.remote;

import java.lang.management.ManagementFactory;

/**
 * CPU time per remote message: one JVM per run, two nodes of one platform on loopback, the tell
 * of {@link RemoteBenchmark} repeated; after a warm-up, the process's CPU time (every thread,
 * both nodes) over the measured messages. CPU per message holds on a shared machine where
 * throughput does not: a slow phase stretches the wall clock, not the work. Prints one line,
 * {@code <platform> <cpu ns per message> <messages per second>}. Arguments: platform, warm-up
 * seconds, measured seconds.
 */
public final class RemoteCpuRun {

  private RemoteCpuRun() {
  }

  public static void main(String[] args) throws Exception {
    String platform = args[0];
    long warmUp = Long.parseLong(args[1]) * 1_000_000_000L;
    long measure = Long.parseLong(args[2]) * 1_000_000_000L;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (RemotePair pair = RemotePair.of(platform)) {
      long end = System.nanoTime() + warmUp;
      while (System.nanoTime() < end) {
        pair.tell(RemoteBenchmark.MESSAGES);
      }
      long messages = 0;
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      end = start + measure;
      while (System.nanoTime() < end) {
        pair.tell(RemoteBenchmark.MESSAGES);
        messages += RemoteBenchmark.MESSAGES;
      }
      long wall = System.nanoTime() - start;
      cpu = os.getProcessCpuTime() - cpu;
      System.out.printf("%s %.1f %.0f%n", platform, cpu / (double) messages, messages * 1e9 / wall);
    }
    System.exit(0);
  }
}
