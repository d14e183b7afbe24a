package benchmarks.sharding;

/**
 * One or two nodes in one JVM on the loopback address with {@link #ENTITIES} entities spread over
 * them, reached either through the platform's sharding (by id) or through direct references to
 * the same actors: a sender actor on the first node, and an ask from the benchmark thread.
 *
 * <p>Tell throughput is windowed as in {@code RemoteBenchmark}: the sender sends round-robin to
 * the entities in bursts of {@link #BURST}, each entity acknowledges every {@link #ACK_EVERY}
 * messages, and at most {@link #WINDOW} bursts go unacknowledged (Pekko's Artery drops what
 * overflows its send queue).
 */
interface ShardedCluster extends AutoCloseable {

  int ENTITIES = 100;
  int ACK_EVERY = 5;
  int BURST = ENTITIES * ACK_EVERY;
  int WINDOW = 4;

  /** Sends {@code messages} messages from the sender to the entities; returns when all are acknowledged. */
  void tell(int messages) throws Exception;

  /** One ask to entity {@code entity}, waited for. */
  Object ask(int entity, long question) throws Exception;

  static ShardedCluster of(String platform, int nodes, String route) throws Exception {
    boolean sharded = switch (route) {
      case "sharded" -> true;
      case "direct" -> false;
      default -> throw new IllegalArgumentException("unknown route " + route + "; known: sharded, direct");
    };
    return switch (platform) {
      case "ours" -> new OursSharded(nodes, sharded);
      case "pekko" -> new PekkoSharded(nodes, sharded);
      default -> throw new IllegalArgumentException("unknown platform " + platform + "; known: ours, pekko");
    };
  }
}
