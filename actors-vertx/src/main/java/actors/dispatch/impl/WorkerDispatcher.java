package actors.dispatch.impl;

import actors.ActorRef;
import io.vertx.core.ThreadingModel;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.WorkerExecutorInternal;
import io.vertx.core.internal.WorkerPool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@code worker} dispatcher: a worker context per actor, on one named worker pool of the
 * system, created with the first worker actor and closed when the system terminates.
 *
 * <p>A worker context runs its tasks in order, one at a time, so the actor stays
 * single-threaded. A drain processes one message: Vert.x's blocked-thread checker times each
 * pool task, so an actor that blocks for a while per message is not reported for the queue
 * behind it.
 */
public final class WorkerDispatcher implements CellDispatcher {

  private final VertxInternal vertx;
  private final String poolName;
  private final int poolSize;
  private final Duration maxExecuteTime;
  // A shared worker executor, for its pool: the same call on every Vert.x 5 (the pool's own changed in 5.1).
  private WorkerExecutorInternal executor;

  public WorkerDispatcher(VertxInternal vertx, String poolName, int poolSize, Duration maxExecuteTime) {
    this.vertx = vertx;
    this.poolName = poolName;
    this.poolSize = poolSize;
    this.maxExecuteTime = maxExecuteTime;
  }

  @Override
  public ContextInternal contextFor(ActorRef parent, String name) {
    return vertx.contextBuilder()
        .withThreadingModel(ThreadingModel.WORKER)
        .withWorkerPool(pool())
        .build();
  }

  @Override
  public int throughput(int systemThroughput) {
    return 1;
  }

  private synchronized WorkerPool pool() {
    if (executor == null) {
      executor = vertx.createSharedWorkerExecutor(poolName, poolSize, maxExecuteTime.toNanos(), TimeUnit.NANOSECONDS);
    }
    return executor.pool();
  }

  /** Releases the pool, if it was created; after every actor has stopped. */
  public synchronized void close() {
    if (executor != null) {
      executor.close();
      executor = null;
    }
  }
}
