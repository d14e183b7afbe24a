package actors.impl.cell;

import actors.Actor;
import actors.ActorSystem;
import actors.InvalidActorNameException;
import actors.Props;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The open-addressing children table against a {@code LinkedHashMap} model: random reservations,
 * registrations, failed creations, removals and lookups, with collisions, growth and
 * backward-shift deletions, must keep the same children in the same (creation) order.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChildrenTest {

  private final ActorSystem system = ActorSystem.create();

  @AfterEach
  void terminate() throws Exception {
    system.terminate().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private List<ActorCell> realCells(int count) {
    List<ActorCell> cells = new ArrayList<>();
    Props idle = Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
      }
    });
    for (int i = 0; i < count; i++) {
      cells.add(((LocalActorRef) system.actorOf(idle, "c" + i)).cell);
    }
    return cells;
  }

  @Test
  void behavesLikeALinkedHashMapUnderRandomOperations() {
    List<ActorCell> cells = realCells(600);
    ActorCell parent = cells.get(0);
    Children table = new Children();
    Map<String, ActorCell> model = new LinkedHashMap<>();
    Random random = new Random(42);
    for (int step = 0; step < 20_000; step++) {
      ActorCell cell = cells.get(1 + random.nextInt(cells.size() - 1));
      int op = random.nextInt(10);
      if (op < 4 && !model.containsKey(cell.name)) {
        table.reserve(cell.name, parent);
        table.register(cell);
        model.put(cell.name, cell);
      } else if (op < 5 && !model.containsKey(cell.name)) {
        table.reserve(cell.name, parent); // a creation whose factory failed
        assertThat(table.get(cell.name)).isNull();
        table.unreserve(cell.name);
      } else if (op < 8) {
        assertThat(table.remove(cell)).isEqualTo(model.remove(cell.name) != null);
      } else {
        assertThat(table.get(cell.name)).isSameAs(model.get(cell.name));
      }
      if (step % 500 == 0) {
        assertThat(table.cells()).containsExactlyElementsOf(model.values());
        assertThat(table.isEmpty()).isEqualTo(model.isEmpty());
      }
    }
    assertThat(table.cells()).containsExactlyElementsOf(model.values());
    for (ActorCell cell : cells) {
      assertThat(table.get(cell.name)).isSameAs(model.get(cell.name));
    }
  }

  @Test
  void aNameIsTakenFromItsReservationAndFreedByItsRemoval() {
    List<ActorCell> cells = realCells(3);
    ActorCell parent = cells.get(0);
    ActorCell child = cells.get(1);
    Children table = new Children();
    table.reserve(child.name, parent);
    assertThatThrownBy(() -> table.reserve(child.name, parent)).isInstanceOf(InvalidActorNameException.class)
        .hasMessageContaining("actor name [c1] is not unique");
    table.register(child);
    assertThat(table.get("c1")).isSameAs(child);
    assertThat(table.remove(child)).isTrue();
    assertThat(table.remove(child)).isFalse();
    table.reserve(child.name, parent);
    table.register(child);
    assertThat(table.close()).containsExactly(child);
    assertThatThrownBy(() -> table.reserve("c2", parent)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is stopping and cannot create children");
  }
}
