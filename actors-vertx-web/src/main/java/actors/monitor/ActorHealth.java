package actors.monitor;

import actors.ActorSystem;
import actors.internal.LogText;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;

import java.util.Map;

/**
 * A procedure for {@code vertx-health-check}:
 * {@code HealthChecks.create(vertx).register("actors", ActorHealth.procedure(system))}. It reports
 * <ul>
 *   <li>down ({@code KO}, {@code "state": "terminated"}) once the system has terminated, with
 *       the cause when a failure escalated past {@code /user} ({@code "state": "escalated"});</li>
 *   <li>down ({@code KO}, {@code "state": "stood-down"}, with the {@code "reason"}) while this
 *       node is on the losing side of a network split and hosts nothing ({@code PartitionOptions});</li>
 *   <li>up but {@code "state": "degraded"} while more actors than the threshold are failing
 *       (waiting for their supervisor or a back-off), naming some of them: a load balancer keeps
 *       sending, a monitor can alert;</li>
 *   <li>up, {@code "state": "up"}, otherwise.</li>
 * </ul>
 * Needs {@code io.vertx:vertx-health-check}.
 */
public final class ActorHealth {

  /** More failing actors than this make the system degraded, unless a threshold is given. */
  public static final int DEFAULT_FAILING_THRESHOLD = 10;

  private ActorHealth() {
  }

  /** The procedure for {@code system}, degraded above {@value #DEFAULT_FAILING_THRESHOLD} failing actors. */
  public static Handler<Promise<Status>> procedure(ActorSystem system) {
    return procedure(system, DEFAULT_FAILING_THRESHOLD);
  }

  /**
   * The procedure for {@code system}, degraded above {@code failingThreshold} failing actors.
   *
   * @throws IllegalArgumentException if {@code failingThreshold} is negative
   */
  public static Handler<Promise<Status>> procedure(ActorSystem system, int failingThreshold) {
    ActorMonitor monitor = ActorMonitor.of(system);
    if (failingThreshold < 0) {
      throw new IllegalArgumentException("the failing threshold must not be negative, was " + failingThreshold);
    }
    return promise -> {
      if (system.whenTerminated().isComplete()) {
        Throwable escalated = system.whenTerminated().cause();
        promise.complete(Status.KO(new JsonObject().put("state", escalated == null ? "terminated" : "escalated")
            .put("cause", escalated == null ? null : String.valueOf(escalated))));
        return;
      }
      JsonObject summary = monitor.summary();
      if (summary.getString("standingDown") != null) {
        promise.complete(Status.KO(new JsonObject().put("state", "stood-down").put("reason", summary.getString("standingDown"))));
        return;
      }
      JsonObject failing = summary.getJsonObject("failing");
      JsonObject data = new JsonObject().put("failing", failing.size());
      if (failing.size() > failingThreshold) {
        JsonArray some = new JsonArray();
        for (Map.Entry<String, Object> actor : failing) {
          if (some.size() == 10) {
            break;
          }
          some.add(new JsonObject().put("path", LogText.escape(actor.getKey(), 200))
              .put("cause", LogText.escape(String.valueOf(actor.getValue()), 200)));
        }
        promise.complete(Status.OK(data.put("state", "degraded").put("threshold", failingThreshold).put("actors", some)));
      } else {
        promise.complete(Status.OK(data.put("state", "up")));
      }
    };
  }
}
