/**
 * The live actor tree for people and machines, the artifact {@code actors-vertx-web}:
 * {@code ActorMonitor} (the tree as data), {@code ActorHealth} (a Vert.x health procedure) and
 * {@code ActorTreeRouter} (the tree page and its event stream on the application's router).
 */
module actors.vertx.web {
  requires transitive actors.vertx;
  requires transitive io.vertx.web;
  requires transitive io.vertx.healthcheck;

  exports actors.monitor;
  exports actors.web;
}
