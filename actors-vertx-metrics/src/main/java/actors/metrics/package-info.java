/**
 * Micrometer metrics of actor systems, the artifact {@code actors-vertx-metrics}:
 * {@link actors.metrics.ActorMetricsOptions} turns them on, {@link actors.metrics.ActorMetrics}
 * names the meters. Nothing is measured, and nothing costs, while they are off.
 */
package actors.metrics;
