package actors.dispatch;

/**
 * Names of the built-in dispatchers, for {@link actors.Props#withDispatcher(String)}.
 *
 * <p>A dispatcher decides which Vert.x context an actor is bound to for its whole life. Every
 * message to the actor is processed on that context, one at a time, with
 * {@code Vertx.currentContext()} equal to it. Custom dispatchers are registered by name with
 * {@link actors.ActorSystemOptions#addDispatcher(String, Dispatcher)}.
 */
public final class Dispatchers {

  /**
   * The default: each new actor is bound to one event-loop context, taken round-robin over the
   * event loops of the system's Vertx, so actors spread over all cores. Actor code must never
   * block; if it does, Vert.x's blocked-thread warning names the actor.
   */
  public static final String EVENT_LOOP = "event-loop";

  /**
   * The actor is bound to the context of the code that creates it (a verticle, a route
   * handler, a parent actor), so it shares that context's thread. Creating such an actor
   * outside a Vert.x context fails with {@link IllegalStateException}.
   */
  public static final String CALLER_CONTEXT = "caller-context";

  /**
   * For actors that block (JDBC, files, legacy clients): each actor gets a worker context of
   * its own on the system's worker pool ({@link actors.ActorSystemOptions#setWorkerPoolSize(int)}),
   * so it processes its messages in order, one per pool task, while actors on the event loops
   * stay responsive. At most pool-size worker actors run at once.
   */
  public static final String WORKER = "worker";

  /**
   * Each actor gets a virtual-thread context of its own (Java 21 or later), so its code may
   * block or {@code Future.await()} without holding a platform thread. On an older JVM,
   * creating such an actor fails with {@link IllegalStateException}.
   */
  public static final String VIRTUAL_THREAD = "virtual-thread";

  /**
   * For deterministic unit tests of one actor: a message is processed on the thread that sends
   * it, before {@code tell} returns, unless the actor is already busy on another thread (then
   * that thread processes it next). Timers and other Vert.x callbacks of the actor run on an
   * event-loop context, the actor's {@code vertxContext()}. Not for production.
   */
  public static final String CALLING_THREAD = "calling-thread";

  private Dispatchers() {
  }
}
