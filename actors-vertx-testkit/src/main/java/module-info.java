/**
 * The testkit, the artifact {@code actors-vertx-testkit}: {@code ActorSystemExtension} for JUnit 5
 * and {@code TestProbe}. An application adds it in its test scope.
 */
module actors.vertx.testkit {
  requires transitive actors.vertx;
  requires transitive org.junit.jupiter.api;
  requires transitive io.vertx.testing.junit5;

  exports actors.testkit;
}
