package actors;

/**
 * The metrics of an actor system, as {@link ActorSystemOptions#setMetricsOptions} takes them.
 * Micrometer's are {@code actors.metrics.ActorMetricsOptions}, of the artifact
 * {@code io.github.actorsvertx:actors-vertx-metrics}, which also makes the meters; the library's
 * metrics artifacts implement this, applications do not.
 */
public interface SystemMetricsOptions {

  /** A copy, so that a system's options do not change under it. */
  SystemMetricsOptions copy();
}
