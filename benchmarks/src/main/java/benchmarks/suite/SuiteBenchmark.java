package benchmarks.suite;

import benchmarks.platform.Platform;
import benchmarks.stats.CpuTime;
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
import java.util.concurrent.TimeUnit;

/**
 * Every workload on every platform; an operation is one round. {@link Suite} runs it per
 * (workload, platform, size) with time-based iterations (rounds repeat until the iteration's
 * time has passed) and turns the average time of a round into the row's unit; each iteration's
 * process CPU time per round is recorded by {@link CpuTime}.
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

  private Workload round;
  private Platform host;
  private final CpuTime cpu = new CpuTime();

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
    cpu.start();
  }

  @Benchmark
  public void round() throws Exception {
    round.run();
    cpu.count(1);
  }

  @TearDown(Level.Iteration)
  public void endIteration() throws IOException {
    cpu.end();
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
