package actors.dispatch.impl;

import actors.ActorSystem;
import actors.ActorSystemOptions;
import actors.dispatch.Dispatchers;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** One system's dispatchers by name: the built-in ones and those its options add. */
public final class DispatcherRegistry {

  private final EventLoopDispatcher eventLoops;
  private final WorkerDispatcher workers;
  private final Map<String, CellDispatcher> byName;

  public DispatcherRegistry(VertxInternal vertx, ActorSystem system, ActorSystemOptions options) {
    this.eventLoops = new EventLoopDispatcher(vertx, options.getEventLoops(), options.getThroughput(),
        (int) options.getIdleSpin().toNanos());
    this.workers = new WorkerDispatcher(vertx, options.getWorkerPoolName(), options.getWorkerPoolSize(),
        options.getWorkerMaxExecuteTime());
    Map<String, CellDispatcher> dispatchers = new LinkedHashMap<>();
    dispatchers.put(Dispatchers.EVENT_LOOP, eventLoops);
    dispatchers.put(Dispatchers.CALLER_CONTEXT, new CallerContextDispatcher());
    dispatchers.put(Dispatchers.WORKER, workers);
    dispatchers.put(Dispatchers.VIRTUAL_THREAD, new VirtualThreadDispatcher(vertx));
    dispatchers.put(Dispatchers.CALLING_THREAD, new CallingThreadDispatcher(eventLoops));
    options.getDispatchers().forEach((name, custom) -> dispatchers.put(name, new CustomDispatcher(system, name, custom)));
    this.byName = Map.copyOf(dispatchers);
  }

  /**
   * The dispatcher called {@code name}.
   *
   * @throws IllegalArgumentException naming the known ones if there is none
   */
  public CellDispatcher get(String name) {
    CellDispatcher dispatcher = byName.get(name);
    if (dispatcher == null) {
      throw new IllegalArgumentException("unknown dispatcher '" + name + "'; known: " + new TreeSet<>(byName.keySet()));
    }
    return dispatcher;
  }

  /** The default dispatcher. */
  public EventLoopDispatcher eventLoops() {
    return eventLoops;
  }

  /** An event-loop context, round-robin: for timers of work started off any context. */
  public ContextInternal anyContext() {
    return eventLoops.next();
  }

  /** Releases the worker pool; after every actor has stopped. */
  public void close() {
    workers.close();
  }
}
