package benchmarks.suite;

import benchmarks.platform.Platform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Every workload on every platform; an operation is one round. {@link Suite} runs it per
 * (workload, platform, size) with time-based iterations (rounds repeat until the iteration's
 * time has passed) and turns the average time of a round into the row's unit. Where the system
 * property {@value #CPU_FILE} names a file, each iteration appends to it the CPU time the whole
 * process spent in it (all threads: what the host took away is not in it) and its rounds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SuiteBenchmark {

  @Param("tell-throughput")
  public String workload;

  @Param("ours")
  public String platform;

  @Param("1000")
  public int size;

  /** The system property naming the file of each iteration's process CPU time and rounds. */
  static final String CPU_FILE = "suite.cpu.file";

  private Workload round;
  private Platform host;
  private long cpuAtStart;
  private long rounds;

  @Setup(Level.Trial)
  public void setUpTrial() throws Exception {
    round = Workload.create(workload);
    if (!round.freshPlatformPerRound()) {
      host = Platform.create(platform);
      round.setUp(host, size);
    }
  }

  @Setup(Level.Invocation)
  public void setUpRound() throws Exception {
    if (round.freshPlatformPerRound()) {
      host = Platform.create(platform);
      round.setUp(host, size);
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    rounds = 0;
    cpuAtStart = processCpuNanos();
  }

  @Benchmark
  public void round() throws Exception {
    round.run();
    rounds++;
  }

  @TearDown(Level.Iteration)
  public void endIteration() throws IOException {
    long cpu = processCpuNanos() - cpuAtStart;
    String file = System.getProperty(CPU_FILE);
    if (file != null) {
      Files.writeString(Path.of(file), cpu + " " + rounds + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** The CPU time of the whole process, all threads, as the operating system counts it. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  @TearDown(Level.Invocation)
  public void tearDownRound() {
    if (round.freshPlatformPerRound()) {
      host.close();
    }
  }

  @TearDown(Level.Trial)
  public void tearDownTrial() {
    if (!round.freshPlatformPerRound()) {
      host.close();
    }
  }
}
