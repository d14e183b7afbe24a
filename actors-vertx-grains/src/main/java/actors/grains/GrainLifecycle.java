package actors.grains;

import io.vertx.core.Future;

/**
 * Hooks an implementation may have around its activation: {@link #onActivate} after its state
 * was read and before its first call, {@link #onDeactivate} when it is deactivated (idle, its
 * shard moves, the node leaves), after its state was written if it was changed and not written.
 */
public interface GrainLifecycle {

  /** The first call waits until this completes; a failure fails the calls waiting and the activation. */
  default Future<Void> onActivate() {
    return Future.succeededFuture();
  }

  /** The last thing the activation runs, on its context. */
  default void onDeactivate() {
  }
}
