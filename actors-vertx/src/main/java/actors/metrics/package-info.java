/**
 * Micrometer metrics of actor systems: {@link actors.metrics.ActorMetricsOptions} turns them on,
 * {@link actors.metrics.ActorMetrics} names the meters. Needs {@code io.micrometer:micrometer-core}
 * on the class path; nothing is measured, and nothing costs, while they are off.
 */
package actors.metrics;
