package actors.internal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;

/** Futures whose callbacks run on the caller's Vert.x context, as Vert.x users expect. */
public final class CallerContext {

  private CallerContext() {
  }

  /** A promise bound to the calling thread's context; unbound off any context. */
  public static <T> Promise<T> promise() {
    ContextInternal caller = ContextInternal.current();
    return caller != null ? caller.promise() : Promise.promise();
  }

  /** A Future failed with {@code cause}, whose callbacks run on the calling thread's context. */
  public static <T> Future<T> failed(Throwable cause) {
    Promise<T> promise = promise();
    promise.fail(cause);
    return promise.future();
  }

  /** {@code future}, with its callbacks moved to the calling thread's context. */
  public static <T> Future<T> rebind(Future<T> future) {
    Promise<T> promise = promise();
    future.onComplete(promise);
    return promise.future();
  }
}
