package actors;

import io.vertx.core.Handler;

/**
 * A verticle that can tell its {@link SupervisorVerticle} it has failed. Before deploying such
 * a child, the supervisor hands it a reporter; calling it with the cause, from any thread,
 * makes the supervisor apply its strategy (restart, stop, escalate) to that child.
 */
public interface Supervised {

  /** Receives the reporter, before the verticle is deployed. */
  void supervisedBy(Handler<Throwable> failureReporter);
}
