package actors.sharding;

import actors.Actor;
import actors.Props;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the entities of the cluster sharding tests report, in arrival order: each numbered message
 * an entity took, with its incarnation and node. An actor on the test's node writes the reports
 * to a queue the test reads.
 */
final class Ledger {

  final ConcurrentLinkedQueue<JsonObject> reports = new ConcurrentLinkedQueue<>();

  Props props() {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        if (message instanceof JsonObject report) {
          reports.add(report);
        } else {
          unhandled(message);
        }
      }
    });
  }

  /** The numbers entity {@code id} took, in the order it took them, per incarnation. */
  Map<String, List<Integer>> byIncarnation(String id) {
    Map<String, List<Integer>> numbers = new HashMap<>();
    for (JsonObject report : reports) {
      if (report.getString("id").equals(id)) {
        numbers.computeIfAbsent(report.getString("incarnation"), key -> new ArrayList<>()).add(report.getInteger("n"));
      }
    }
    return numbers;
  }

  /** Every number entity {@code id} took, in all incarnations; duplicates counted. */
  List<Integer> taken(String id) {
    return byIncarnation(id).values().stream().flatMap(Collection::stream).toList();
  }

  /**
   * Waits, at most {@code seconds}, until entity {@code id} has reported {@code count} messages:
   * reports travel apart from answers, so an answer can come before the reports before it.
   */
  void awaitTaken(String id, int count, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (taken(id).size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** Per incarnation of entity {@code id}, in arrival order: its node, and the first and last number and count it took. */
  String summary(String id) {
    Map<String, String> summary = new java.util.LinkedHashMap<>();
    Map<String, List<Integer>> numbers = byIncarnation(id);
    for (JsonObject report : reports) {
      if (report.getString("id").equals(id)) {
        List<Integer> taken = numbers.get(report.getString("incarnation"));
        summary.putIfAbsent(report.getString("incarnation"), report.getString("node") + " took " + taken.size()
            + " from " + taken.get(0) + " to " + taken.get(taken.size() - 1));
      }
    }
    return summary.toString();
  }

  /** The nodes where entity {@code id} ran. */
  Set<String> nodes(String id) {
    Set<String> nodes = new HashSet<>();
    reports.stream().filter(report -> report.getString("id").equals(id)).forEach(report -> nodes.add(report.getString("node")));
    return nodes;
  }
}
