package benchmarks.sharding;

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
 * Sharded entities against direct references to the same actors, on one node and on two nodes
 * on loopback, for actors-vertx ({@code ClusterSharding} on Hazelcast) and Apache Pekko Cluster
 * Sharding: tell throughput to 100 entities (windowed, see {@link ShardedCluster}) and the
 * latency of one ask at a time.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
public class ShardingBenchmark {

  static final int MESSAGES = 20_000;

  @Param({"ours", "pekko"})
  public String platform;

  @Param({"1", "2"})
  public int nodes;

  @Param({"sharded", "direct"})
  public String route;

  private ShardedCluster cluster;
  private long question;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    cluster = ShardedCluster.of(platform, nodes, route);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    cluster.close();
  }

  /** Messages per second from a sender actor on the first node to the entities. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(MESSAGES)
  public void tell() throws Exception {
    cluster.tell(MESSAGES);
  }

  /** One ask to an entity (in turn), waited for; sampled for percentiles. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object ask() throws Exception {
    long next = question++;
    return cluster.ask((int) (next % ShardedCluster.ENTITIES), next);
  }
}
