/**
 * Typed virtual actors, the artifact {@code actors-vertx-grains}: an interface and an id reach the
 * one live activation of a grain anywhere in the cluster (sharding underneath), calls are
 * turn-based, state is durable (persistence underneath) and reminders outlive restarts.
 */
module actors.vertx.grains {
  requires transitive actors.vertx.sharding;
  requires transitive actors.vertx.persistence;
  requires com.fasterxml.jackson.databind;

  exports actors.grains;
  // Registers the context local of a turn's call chain before a Vertx sizes its locals.
  provides io.vertx.core.spi.VertxServiceProvider with actors.grains.impl.TurnLocal;
  // Jackson makes the (de)serializers that grain references and calls name in their annotations.
  opens actors.grains to com.fasterxml.jackson.databind;
  opens actors.grains.impl to com.fasterxml.jackson.databind;
}
