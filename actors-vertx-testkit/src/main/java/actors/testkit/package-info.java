/**
 * Testing actors: {@link actors.testkit.TestProbe}, a recording stand-in actor with blocking
 * expectations for the test thread, and {@link actors.testkit.ActorSystemExtension}, a JUnit 5
 * extension that gives each test a fresh system and fails the test if actors were left
 * failing. For deterministic tests of one actor, run it on
 * {@link actors.dispatch.Dispatchers#CALLING_THREAD}. Needs {@code junit-jupiter-api} and
 * {@code vertx-junit5} on the test classpath.
 */
package actors.testkit;
