package actors.impl;

import actors.ActorRef;
import actors.InvalidActorNameException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An actor's living children by name, in creation order. A name is reserved before the child's
 * factory runs and released if it fails, so a failed creation leaves nothing behind.
 *
 * <p>Guarded by its own monitor: a parent's children are changed on the parent's thread, but
 * the {@code /user} guardian's are also changed by {@code system.actorOf} from any thread.
 * Creation is not a hot path; an uncontended monitor costs a CAS.
 */
final class Children {

  private Map<String, ActorCell> byName;
  private int registered;
  private long generatedNames;
  private boolean closed;

  synchronized void reserve(String name, ActorCell parent) {
    if (closed) {
      throw new IllegalStateException(parent.path() + " is stopping and cannot create children");
    }
    if (byName == null) {
      byName = new LinkedHashMap<>();
    } else if (byName.containsKey(name)) {
      throw new InvalidActorNameException("actor name [" + name + "] is not unique under " + parent.path());
    }
    byName.put(name, null);
  }

  synchronized void register(ActorCell child) {
    if (closed) {
      throw new IllegalStateException(child.parent.path() + " is stopping and cannot create children");
    }
    byName.put(child.name, child);
    registered++;
  }

  synchronized void unreserve(String name) {
    byName.remove(name);
  }

  synchronized String generateName() {
    return Names.generated(generatedNames++);
  }

  /** Removes a stopped child, freeing its name; false if it was not a child. */
  synchronized boolean remove(ActorCell child) {
    if (byName != null && byName.remove(child.name, child)) {
      registered--;
      return true;
    }
    return false;
  }

  /** True when no child is registered (a creation in progress does not count). */
  synchronized boolean isEmpty() {
    return registered == 0;
  }

  /** Refuses every later creation and returns the registered children, in creation order. */
  synchronized List<ActorCell> close() {
    closed = true;
    return cells();
  }

  synchronized ActorCell get(String name) {
    return byName == null ? null : byName.get(name);
  }

  /** The registered children, in creation order: a snapshot. */
  synchronized List<ActorCell> cells() {
    if (byName == null || byName.isEmpty()) {
      return Collections.emptyList();
    }
    List<ActorCell> cells = new ArrayList<>(byName.size());
    for (ActorCell cell : byName.values()) {
      if (cell != null) {
        cells.add(cell);
      }
    }
    return cells;
  }

  /** The registered children's references, in creation order: a snapshot. */
  List<ActorRef> refs() {
    List<ActorCell> cells = cells();
    List<ActorRef> refs = new ArrayList<>(cells.size());
    for (ActorCell cell : cells) {
      refs.add(cell.self);
    }
    return Collections.unmodifiableList(refs);
  }
}
