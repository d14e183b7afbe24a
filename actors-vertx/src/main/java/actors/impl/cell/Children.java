package actors.impl.cell;

import actors.ActorRef;
import actors.InvalidActorNameException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * An actor's living children by name, in creation order. A name is reserved before the child's
 * factory runs and released if it fails, so a failed creation leaves nothing behind.
 *
 * <p>An open-addressing table (linear probing, at most half full, backward-shift deletion)
 * holds each child itself, keyed by its own name, or a reserved name as a {@code String}: about
 * 8 bytes per child, where a {@code LinkedHashMap} costs an entry of 40 bytes more. A generated
 * name is hashed and compared as its number ({@link Names#generatedHash}), never made a String. Creation
 * order comes from a number each child gets when it registers ({@link ActorCell#creationOrder}),
 * sorted on the rare occasions it is needed (supervision, stopping).
 *
 * <p>Guarded by its own monitor: a parent's children are changed on the parent's thread, but
 * the {@code /user} guardian's are also changed by {@code system.actorOf} from any thread.
 * Creation is not a hot path; an uncontended monitor costs a CAS.
 */
final class Children {

  private static final int INITIAL_CAPACITY = 4;
  private static final Comparator<ActorCell> IN_CREATION_ORDER = Comparator.comparingInt(cell -> cell.creationOrder);

  // ActorCell (registered) or String (reserved); null: free.
  private Object[] slots;
  private int occupied;
  private int registered;
  private int nextCreationOrder;
  private long generatedNames;
  private boolean closed;

  synchronized void reserve(String name, ActorCell parent) {
    if (closed) {
      throw new IllegalStateException(parent.path() + " is stopping and cannot create children");
    }
    if (slots == null) {
      slots = new Object[INITIAL_CAPACITY];
    } else if (indexOf(name) >= 0) {
      throw new InvalidActorNameException("actor name [" + name + "] is not unique under " + parent.path());
    }
    if (2 * (occupied + 1) > slots.length) {
      resize(slots.length * 2);
    }
    slots[freeSlotFor(name.hashCode())] = name;
    occupied++;
  }

  synchronized void register(ActorCell child) {
    if (closed) {
      throw new IllegalStateException(child.parent.path() + " is stopping and cannot create children");
    }
    if (nextCreationOrder == Integer.MAX_VALUE) {
      renumber();
    }
    child.creationOrder = nextCreationOrder++;
    slots[indexOf(child)] = child;
    registered++;
  }

  synchronized void unreserve(String name) {
    int index = indexOf(name);
    if (index >= 0 && slots[index] instanceof String) {
      delete(index);
    }
  }

  synchronized String generateName() {
    return Names.generated(generatedNames++);
  }

  /** Removes a stopped child, freeing its name; false if it was not a child. */
  synchronized boolean remove(ActorCell child) {
    int index = slots == null ? -1 : indexOf(child);
    if (index >= 0 && slots[index] == child) {
      delete(index);
      registered--;
      return true;
    }
    return false;
  }

  /** How many children are registered. */
  synchronized int size() {
    return registered;
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
    int index = slots == null ? -1 : indexOf(name);
    return index >= 0 && slots[index] instanceof ActorCell cell ? cell : null;
  }

  /** The registered children, in creation order: a snapshot. */
  synchronized List<ActorCell> cells() {
    if (registered == 0) {
      return Collections.emptyList();
    }
    List<ActorCell> cells = new ArrayList<>(registered);
    for (Object slot : slots) {
      if (slot instanceof ActorCell cell) {
        cells.add(cell);
      }
    }
    cells.sort(IN_CREATION_ORDER);
    return cells;
  }

  /**
   * The registered children whose names {@code match}, in creation order, from {@code offset},
   * at most {@code limit}; {@code total[0]} is set to how many match. Keeps at most
   * {@code offset + limit} of them while it walks the table (a heap of the earliest), so a page
   * of a million children costs no copy of them all.
   */
  synchronized List<ActorCell> page(int offset, int limit, Predicate<String> match, int[] total) {
    int keep = (int) Math.min(Integer.MAX_VALUE - 8, (long) offset + limit);
    PriorityQueue<ActorCell> earliest = new PriorityQueue<>(Math.min(keep, 1024), IN_CREATION_ORDER.reversed());
    int matching = 0;
    if (slots != null) {
      for (Object slot : slots) {
        if (slot instanceof ActorCell cell && match.test(Names.of(cell))) {
          matching++;
          if (earliest.size() < keep) {
            earliest.add(cell);
          } else if (IN_CREATION_ORDER.compare(cell, earliest.peek()) < 0) {
            earliest.poll();
            earliest.add(cell);
          }
        }
      }
    }
    total[0] = matching;
    List<ActorCell> inOrder = new ArrayList<>(earliest);
    inOrder.sort(IN_CREATION_ORDER);
    return offset >= inOrder.size() ? List.of() : inOrder.subList(offset, inOrder.size());
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

  private static int hashOf(Object slot) {
    return slot instanceof ActorCell cell ? Names.hashOf(cell) : slot.hashCode();
  }

  private static boolean isNamed(Object slot, String name) {
    return slot instanceof ActorCell cell ? Names.isNamed(cell, name) : slot.equals(name);
  }

  /**
   * Where {@code name} would sit: Fibonacci hashing of its hash code, so that generated names,
   * whose hash codes run in sequence, spread over the table instead of piling up in runs that
   * linear probing would walk end to end.
   */
  private static int home(int nameHash, int capacity) {
    return (nameHash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(capacity));
  }

  /** The slot holding {@code name}, or -1. */
  private int indexOf(String name) {
    int mask = slots.length - 1;
    for (int i = home(name.hashCode(), slots.length); slots[i] != null; i = (i + 1) & mask) {
      if (isNamed(slots[i], name)) {
        return i;
      }
    }
    return -1;
  }

  /** The slot holding {@code child} or its reserved name, or -1. */
  private int indexOf(ActorCell child) {
    int mask = slots.length - 1;
    for (int i = home(Names.hashOf(child), slots.length); slots[i] != null; i = (i + 1) & mask) {
      if (slots[i] == child || slots[i] instanceof String reserved && Names.isNamed(child, reserved)) {
        return i;
      }
    }
    return -1;
  }

  private int freeSlotFor(int nameHash) {
    int mask = slots.length - 1;
    int i = home(nameHash, slots.length);
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Frees slot {@code index}, moving back later entries of its run so that no lookup stops early. */
  private void delete(int index) {
    int mask = slots.length - 1;
    int hole = index;
    slots[hole] = null;
    for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
      int home = home(hashOf(slots[i]), slots.length);
      // Move the entry into the hole unless its home lies cyclically in (hole, i].
      boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!homeBetween) {
        slots[hole] = slots[i];
        slots[i] = null;
        hole = i;
      }
    }
    occupied--;
    if (occupied == 0) {
      slots = null;
    }
  }

  private void resize(int capacity) {
    Object[] old = slots;
    slots = new Object[capacity];
    for (Object slot : old) {
      if (slot != null) {
        slots[freeSlotFor(hashOf(slot))] = slot;
      }
    }
  }

  /** Numbers the living children 0, 1, ... again, in their order: once per 2^31 creations. */
  private void renumber() {
    List<ActorCell> inOrder = cells();
    for (int i = 0; i < inOrder.size(); i++) {
      inOrder.get(i).creationOrder = i;
    }
    nextCreationOrder = inOrder.size();
  }

  /** The living descendant of {@code root} at {@code path} ({@code a/b}), or null; any thread. */
  static ActorRef descendant(ActorCell root, String path) {
    ActorCell cell = root;
    int start = 0;
    while (cell != null && start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      cell = cell.childCell(path.substring(start, end));
      start = end + 1;
    }
    return cell != null && !cell.isTerminated() ? cell.self : null;
  }
}
