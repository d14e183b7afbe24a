package actors.monitor.impl;

import actors.cluster.ActorNotFoundException;
import actors.ActorSystem;
import actors.internal.ActorView;
import actors.internal.SystemServices;
import actors.monitor.ActorMonitor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The monitor of one system: reads its actors' views on worker threads and writes JSON. */
public final class Monitor implements ActorMonitor {

  private final SystemServices system;

  private Monitor(SystemServices system) {
    this.system = system;
  }

  /** Backs {@code ActorMonitor.of}. */
  public static ActorMonitor of(ActorSystem system) {
    return new Monitor(SystemServices.of(system, "ActorMonitor"));
  }

  @Override
  public Future<JsonObject> actor(String path) {
    return system.vertx().executeBlocking(() -> toJson(find(path)), false);
  }

  @Override
  public Future<JsonObject> children(String path, int offset, int limit, String filter) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", was " + limit);
    }
    return system.vertx().executeBlocking(() -> {
      ActorView.ChildPage children = find(path).children(offset, limit, filter == null || filter.isEmpty()
          ? name -> true : name -> (path + "/" + name).contains(filter));
      JsonArray page = new JsonArray();
      children.children().forEach(child -> page.add(toJson(child)));
      return new JsonObject().put("path", path).put("total", children.total()).put("offset", offset).put("children", page);
    }, false);
  }

  @Override
  public Future<JsonArray> watchers(String path) {
    ActorView actor;
    try {
      actor = find(path);
    } catch (ActorNotFoundException e) {
      return Future.failedFuture(e);
    }
    Promise<List<String>> answer = Promise.promise();
    actor.watchers(answer);
    return answer.future().map(paths -> new JsonArray(List.copyOf(paths)))
        .timeout(1, TimeUnit.SECONDS);
  }

  @Override
  public JsonObject summary() {
    JsonObject failing = new JsonObject();
    for (Map.Entry<String, Throwable> entry : system.failingActors().entrySet()) {
      failing.put(entry.getKey(), String.valueOf(entry.getValue()));
    }
    return new JsonObject().put("system", system.name()).put("node", system.nodeId())
        .put("terminated", system.whenTerminated().isComplete()).put("deadLetters", system.deadLetterCount())
        .put("failing", failing).put("standingDown", system.remoteProvider().ownership().downReason());
  }

  private ActorView find(String path) {
    ActorView view = path == null ? null : system.actorView(path);
    if (view == null) {
      throw new ActorNotFoundException("no actor at " + path + " on node " + system.nodeId());
    }
    return view;
  }

  static JsonObject toJson(ActorView actor) {
    return new JsonObject()
        .put("path", actor.path())
        .put("name", actor.name())
        .put("actorClass", actor.actorClass())
        .put("state", actor.state())
        .put("mailboxSize", actor.mailboxSize(MAILBOX_LIMIT))
        .put("restarts", actor.restartCount())
        .put("dispatcher", actor.dispatcher())
        .put("executor", actor.executor())
        .put("children", actor.childCount());
  }
}
