/**
 * Micrometer metrics of actor systems, the artifact {@code actors-vertx-metrics}.
 */
module actors.vertx.metrics {
  requires transitive actors.vertx;
  requires transitive micrometer.core;
  // Vert.x's own Micrometer metrics, whose registry the actors' share unless given one: an
  // application that runs them has the artifact already.
  requires static io.vertx.metrics.micrometer;

  exports actors.metrics;

  provides actors.internal.MetricsFactory with actors.metrics.impl.MicrometerFactory;
}
