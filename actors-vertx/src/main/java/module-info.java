/**
 * Actors with supervision on Vert.x event loops. The module exports the API only: the
 * machinery ({@code actors.impl}, each concern's {@code impl} package) and the SPI between
 * concerns ({@code actors.internal}) stay inside it.
 */
module actors.vertx {
  requires transitive io.vertx.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  requires java.sql;
  // The embedded store's JDBC driver, found through DriverManager: an application that persists adds it.
  requires static org.xerial.sqlitejdbc;
  // Metrics: an application that turns them on has Micrometer, and Vert.x's metrics if it shares their registry.
  requires static micrometer.core;
  requires static io.vertx.metrics.micrometer;
  // The actor's path in the MDC: an application that asks for it has SLF4J.
  requires static org.slf4j;
  // The tree page and the health procedure: an application that uses them has these.
  requires static io.vertx.web;
  requires static io.vertx.healthcheck;
  // Only for actors.testkit: an application that uses it has them already.
  requires static transitive org.junit.jupiter.api;
  requires static io.vertx.testing.junit5;

  exports actors;
  exports actors.cluster;
  exports actors.dispatch;
  exports actors.event;
  exports actors.metrics;
  exports actors.monitor;
  exports actors.persistence;
  exports actors.routing;
  exports actors.sharding;
  exports actors.testkit;
  exports actors.web;
}
