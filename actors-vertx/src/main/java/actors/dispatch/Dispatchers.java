package actors.dispatch;

/**
 * Names of the built-in dispatchers, for {@link actors.Props#withDispatcher(String)}.
 *
 * <p>A dispatcher decides which Vert.x context an actor is bound to for its whole life. Every
 * message to the actor is processed on that context, one at a time, with
 * {@code Vertx.currentContext()} equal to it.
 */
public final class Dispatchers {

  /**
   * The default: each new actor is bound to one event-loop context, taken round-robin over the
   * event loops of the system's Vertx, so actors spread over all cores. Actor code must never
   * block.
   */
  public static final String EVENT_LOOP = "event-loop";

  /**
   * The actor is bound to the context of the code that creates it (a verticle, a route
   * handler, a parent actor), so it shares that context's thread. Creating such an actor
   * outside a Vert.x context fails with {@link IllegalStateException}.
   */
  public static final String CALLER_CONTEXT = "caller-context";

  private Dispatchers() {
  }
}
