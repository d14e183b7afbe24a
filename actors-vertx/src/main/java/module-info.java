/**
 * Actors with supervision on Vert.x event loops: the core artifact {@code actors-vertx}. The
 * module exports the API only; the machinery ({@code actors.impl}, each concern's {@code impl}
 * package) stays inside it, and the SPI between concerns ({@code actors.internal}) is exported to
 * the library's own modules only.
 */
module actors.vertx {
  requires transitive io.vertx.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  // The actor's path in the MDC (ActorSystemOptions.setActorPathInMdc) is a bridge to the
  // application's own SLF4J logging: an application that asks for it has SLF4J.
  requires static org.slf4j;

  exports actors;
  exports actors.cluster;
  exports actors.dispatch;
  exports actors.event;
  exports actors.routing;
  exports actors.internal to actors.vertx.testkit, actors.vertx.sharding, actors.vertx.persistence,
      actors.vertx.postgres, actors.vertx.metrics, actors.vertx.web, actors.vertx.grains;

  uses actors.internal.MetricsFactory;
}
