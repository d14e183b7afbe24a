/**
 * What an operator sees of an actor system: {@link actors.monitor.ActorMonitor}, the actor tree
 * as JSON, read without stopping any actor, and {@link actors.monitor.ActorHealth}, a procedure
 * for {@code vertx-health-check}.
 */
package actors.monitor;
