package actors.impl.cell;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One system's actors that failed and whose supervisor has not yet resumed, restarted or
 * stopped them: what the testkit checks at the end of a test. Any thread.
 */
public final class FailingActors {

  private final Map<ActorCell, Throwable> failing = new ConcurrentHashMap<>();

  void add(ActorCell cell, Throwable cause) {
    failing.put(cell, cause);
  }

  void remove(ActorCell cell) {
    failing.remove(cell);
  }

  /** Path and cause of each, sorted by path: a snapshot. */
  public Map<String, Throwable> byPath() {
    Map<String, Throwable> byPath = new TreeMap<>();
    failing.forEach((cell, cause) -> byPath.put(cell.path(), cause));
    return byPath;
  }
}
