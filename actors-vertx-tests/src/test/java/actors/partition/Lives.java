package actors.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lives the nodes reported ({@code LIFE START|STOP <id> <node> <epoch ms>}), by entity:
 * a life without a STOP lasts until the end of the run. Two lives of one entity must never
 * overlap, on any nodes.
 */
final class Lives {

  record Life(String id, String node, long start, long stop) {
  }

  private final Map<String, List<Life>> byId = new HashMap<>();

  Lives(Collection<String> lines, long end) {
    Map<String, Long> open = new HashMap<>();
    for (String line : lines) {
      String[] part = line.split(" ");
      String key = part[2] + " " + part[3];
      long at = Long.parseLong(part[4]);
      if (part[1].equals("START")) {
        open.put(key, at);
      } else {
        Long start = open.remove(key);
        add(new Life(part[2], part[3], start == null ? Long.MIN_VALUE : start, at));
      }
    }
    open.forEach((key, start) -> add(new Life(key.split(" ")[0], key.split(" ")[1], start, end)));
  }

  private void add(Life life) {
    byId.computeIfAbsent(life.id(), any -> new ArrayList<>()).add(life);
  }

  /** Every pair of lives of one entity that overlapped, described; empty when none did. */
  List<String> overlaps() {
    List<String> found = new ArrayList<>();
    byId.forEach((id, lives) -> {
      lives.sort(Comparator.comparingLong(Life::start));
      for (int i = 1; i < lives.size(); i++) {
        Life before = lives.get(i - 1);
        Life after = lives.get(i);
        if (after.start() < before.stop()) {
          found.add(id + ": on " + before.node() + " " + before.start() + ".." + before.stop() + " and on " + after.node()
              + " from " + after.start() + " (" + (before.stop() - after.start()) + " ms at once)");
        }
      }
    });
    return found;
  }

  /** The node where {@code id} lives now (its last life, by time, has not ended), or null. */
  static String whereNow(Collection<String> lines, String id) {
    String where = null;
    List<String[]> byTime = new ArrayList<>(lines.stream().map(line -> line.split(" ")).toList());
    byTime.sort(Comparator.comparingLong(part -> Long.parseLong(part[4])));
    for (String[] part : byTime) {
      if (part[2].equals(id)) {
        where = part[1].equals("START") ? part[3] : null;
      }
    }
    return where;
  }

  /** How many lives there were in all. */
  int count() {
    return byId.values().stream().mapToInt(List::size).sum();
  }
}
