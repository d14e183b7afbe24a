package benchmarks.platform;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The small interface every workload is written against, implemented by actors-vertx
 * ({@link Ours}), Apache Pekko classic actors ({@link Pekko}) and the plain Vert.x event bus
 * ({@link EventBus}): create an actor, tell it, ask it. {@link MpscLimit} is no platform but the
 * floor under a tell: a queue and a thread per receiver.
 */
public interface Platform extends AutoCloseable {

  /** The platforms by name, as the benchmarks' {@code platform} parameter spells them. */
  static Platform create(String name) {
    return switch (name) {
      case "ours" -> new Ours();
      case "ours-metrics" -> Ours.withMetrics();
      case "ours-tracing" -> Ours.withTracing();
      case "ours-one-loop" -> Ours.onOneLoop();
      case "pekko" -> new Pekko();
      case "eventbus" -> new EventBus();
      case "limit" -> new MpscLimit();
      default -> throw new IllegalArgumentException("unknown platform " + name
          + "; known: ours, ours-metrics, ours-tracing, ours-one-loop, pekko, eventbus, limit");
    };
  }

  /** An actor (or event-bus consumer). */
  interface Ref {
    /** Sends without a sender; any thread. */
    void tell(Object message);
  }

  /** What an actor does with a message; it may answer an ask through {@code replier}. */
  @FunctionalInterface
  interface Behavior {
    void receive(Object message, Replier replier) throws Exception;
  }

  /** Answers the message being processed. */
  interface Replier {
    void reply(Object answer);
  }

  /** Creates an actor; it receives messages once {@link #awaitReady()} has returned. */
  Ref spawn(Behavior behavior);

  /** Waits until every actor spawned so far can receive (event-bus consumers are registered). */
  default void awaitReady() {
  }

  /** Asks; the Future fails after {@code timeout}. */
  CompletionStage<Object> ask(Ref ref, Object message, Duration timeout);

  /** Stops every actor and releases the platform's threads. */
  @Override
  void close();
}
