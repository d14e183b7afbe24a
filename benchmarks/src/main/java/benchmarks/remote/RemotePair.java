package benchmarks.remote;

/**
 * Two nodes in one JVM, a sender on the first and a receiver and an echo on the second, on one
 * platform. Tell throughput is windowed: the receiver acknowledges every {@link #BURST}
 * messages and the sender keeps at most {@link #WINDOW} bursts unacknowledged, because Pekko's
 * Artery drops what overflows its send queue (3,072 messages): flooding would not be fair.
 */
interface RemotePair extends AutoCloseable {

  int BURST = 500;
  int WINDOW = 4;

  /** Sends {@code messages} numbered messages from the first node to the second; returns when all are acknowledged. */
  void tell(int messages) throws Exception;

  /** One ask from the first node to the second's echo, waited for. */
  Object ask(Object message) throws Exception;

  static RemotePair of(String platform) throws Exception {
    return switch (platform) {
      case "ours" -> new OursPair(true);
      case "ours-unsealed" -> new OursPair(false);
      case "pekko" -> new PekkoPair();
      case "bus" -> new EventBusPair();
      default -> throw new IllegalArgumentException("unknown platform " + platform + "; known: ours, ours-unsealed, pekko, bus");
    };
  }
}
