package benchmarks.grains;

import benchmarks.stats.CpuTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A typed grain call against a raw {@code entityRef} ask to a sharded entity that answers the
 * same, on one node and on two: one call at a time (latency), and 1,000 at once (calls/s); each
 * iteration's process CPU time per call is recorded by {@link CpuTime}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
public class GrainBenchmark {

  static final int OUTSTANDING = 1000;

  @Param({"1", "2"})
  public int nodes;

  @Param({"raw", "grain"})
  public String route;

  private final CpuTime cpu = new CpuTime();
  private GrainCluster cluster;
  private boolean typed;
  private long question;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    typed = GrainCluster.typed(route);
    cluster = new GrainCluster(nodes);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    cluster.close();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start();
  }

  @TearDown(Level.Iteration)
  public void endIteration() throws IOException {
    cpu.end();
  }

  /** One call (in turn to the entities), waited for; sampled for percentiles. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object ask() throws Exception {
    long next = question++;
    cpu.count(1);
    return cluster.ask(typed, (int) (next % GrainCluster.ENTITIES), next);
  }

  /** Calls per second with {@value #OUTSTANDING} in flight at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(OUTSTANDING)
  public void calls() throws Exception {
    cluster.asks(typed, OUTSTANDING);
    cpu.count(OUTSTANDING);
  }
}
