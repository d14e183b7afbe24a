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
      // Half of them with generated names, which the table hashes and compares as numbers.
      cells.add(((LocalActorRef) (i % 2 == 0 ? system.actorOf(idle, "c" + i) : system.actorOf(idle))).cell);
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
      if (op < 4 && !model.containsKey(Names.of(cell))) {
        table.reserve(Names.of(cell), parent);
        table.register(cell);
        model.put(Names.of(cell), cell);
      } else if (op < 5 && !model.containsKey(Names.of(cell))) {
        table.reserve(Names.of(cell), parent); // a creation whose factory failed
        assertThat(table.get(Names.of(cell))).isNull();
        table.unreserve(Names.of(cell));
      } else if (op < 8) {
        assertThat(table.remove(cell)).isEqualTo(model.remove(Names.of(cell)) != null);
      } else {
        assertThat(table.get(Names.of(cell))).isSameAs(model.get(Names.of(cell)));
      }
      if (step % 500 == 0) {
        assertThat(table.cells()).containsExactlyElementsOf(model.values());
        assertThat(table.isEmpty()).isEqualTo(model.isEmpty());
      }
    }
    assertThat(table.cells()).containsExactlyElementsOf(model.values());
    for (ActorCell cell : cells) {
      assertThat(table.get(Names.of(cell))).isSameAs(model.get(Names.of(cell)));
    }
  }

  @Test
  void aGeneratedNameIsReservedAndFoundAsItsString() {
    List<ActorCell> cells = realCells(2);
    ActorCell generated = cells.get(1);
    String name = Names.of(generated);
    assertThat(name).startsWith("$");
    assertThat(generated.givenName).as("kept as its number").isNull();
    Children table = new Children();
    table.reserve(name, cells.get(0));
    assertThat(table.get(name)).isNull();
    table.register(generated);
    assertThat(table.get(new String(name.toCharArray()))).isSameAs(generated);
    assertThat(generated.path()).isEqualTo("/user/" + name);
    assertThatThrownBy(() -> table.reserve(name, cells.get(0))).isInstanceOf(InvalidActorNameException.class);
    assertThat(table.remove(generated)).isTrue();
    assertThat(table.get(name)).isNull();
  }

  @Test
  void aNameIsTakenFromItsReservationAndFreedByItsRemoval() {
    List<ActorCell> cells = realCells(3);
    ActorCell parent = cells.get(0);
    ActorCell child = cells.get(2);
    Children table = new Children();
    table.reserve(Names.of(child), parent);
    assertThatThrownBy(() -> table.reserve(Names.of(child), parent)).isInstanceOf(InvalidActorNameException.class)
        .hasMessageContaining("actor name [c2] is not unique");
    table.register(child);
    assertThat(table.get("c2")).isSameAs(child);
    assertThat(table.remove(child)).isTrue();
    assertThat(table.remove(child)).isFalse();
    table.reserve(Names.of(child), parent);
    table.register(child);
    assertThat(table.close()).containsExactly(child);
    assertThatThrownBy(() -> table.reserve("c9", parent)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is stopping and cannot create children");
  }
}
