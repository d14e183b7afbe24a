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

import java.util.concurrent.TimeUnit;

/**
 * Every workload on every platform; an operation is one round. {@link Suite} runs it per
 * (workload, platform, size) with time-based iterations (rounds repeat until the iteration's
 * time has passed) and turns the average time of a round into the row's unit.
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

  @Benchmark
  public void round() throws Exception {
    round.run();
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
