package benchmarks.suite;

import benchmarks.platform.Platform;

/**
 * One workload of the suite, written once against {@link Platform}: {@link #setUp} creates its
 * actors, {@link #run} does one round and returns when every message of it has been processed.
 */
abstract class Workload {

  /** Creates the workload by its suite name. */
  static Workload create(String name) {
    return switch (name) {
      case "tell-throughput" -> new TellThroughput();
      case "pingpong" -> new PingPong();
      case "threadring" -> new ThreadRing();
      case "fanout" -> new Fanout();
      case "ask" -> new Ask();
      case "create" -> new Create();
      case "scale" -> new Scale();
      default -> throw new IllegalArgumentException("unknown workload " + name);
    };
  }

  Platform platform;
  int size;

  /** Creates the actors, once per trial (per round for {@link Create}). */
  void setUp(Platform platform, int size) throws Exception {
    this.platform = platform;
    this.size = size;
  }

  /** One round. */
  abstract void run() throws Exception;

  /** Whether every round needs a platform of its own (actors are not reused). */
  boolean freshPlatformPerRound() {
    return false;
  }
}
