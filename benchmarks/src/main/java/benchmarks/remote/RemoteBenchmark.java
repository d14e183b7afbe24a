package benchmarks.remote;

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

import java.util.concurrent.TimeUnit;

/**
 * Two nodes in one JVM on the loopback address: remote tell throughput (windowed, see
 * {@link RemotePair}) and the latency of one ask at a time, for actors-vertx on a clustered
 * Vert.x (Hazelcast), Pekko remoting (Artery TCP) and the plain clustered event bus.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RemoteBenchmark {

  static final int MESSAGES = 20_000;

  // ours-unsealed: without the cluster secret (insecure for development), for the seal's cost.
  @Param({"ours", "ours-unsealed", "pekko", "bus"})
  public String platform;

  private RemotePair pair;
  private long question;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    pair = RemotePair.of(platform);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    pair.close();
  }

  /** Messages per second from one node to an actor of the other. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(MESSAGES)
  public void tell() throws Exception {
    pair.tell(MESSAGES);
  }

  /** One ask to an echo on the other node, waited for: a round trip; sampled for percentiles. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object ask() throws Exception {
    return pair.ask(question++);
  }
}
