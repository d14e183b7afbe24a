package actors.persistence;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store of the library promises about fencing ({@link EventJournal#fence}), checked
 * against a journal: SQLite's in {@code PersistentActorTest}, PostgreSQL's (JDBC and reactive)
 * in {@link PgStoreTest}.
 */
final class FencingContract {

  private FencingContract() {
  }

  static void check(EventJournal journal) throws Exception {
    long older = await(journal.fence("fenced"));
    await(journal.append(List.of(event(1)), older));
    long newer = await(journal.fence("fenced"));
    assertThat(newer).isGreaterThan(older);
    assertThatThrownBy(() -> await(journal.append(List.of(event(2), event(3)), older)))
        .hasCauseInstanceOf(PersistenceFailureException.class)
        .hasMessageContaining("refused events 2 to 3 of fenced: a newer incarnation of the same persistence id started "
            + "writing, which fenced off this one's token " + older);
    assertThat(await(journal.read("fenced", 1, 10))).extracting(StoredEvent::sequenceNr).containsExactly(1L);
    await(journal.append(List.of(event(2)), newer));

    // An older writer that goes on writing while a newer one starts: every append of the older
    // one that succeeded is one the newer one read after its fence, and none after it.
    List<Future<Void>> appends = new ArrayList<>();
    Future<Long> fenced = null;
    for (long sequenceNr = 3; sequenceNr <= 60; sequenceNr++) {
      appends.add(journal.append(List.of(event(sequenceNr)), newer));
      if (sequenceNr == 30) {
        fenced = journal.fence("fenced");
      }
    }
    long newest = await(fenced);
    List<Long> seenByTheNewest = await(journal.read("fenced", 3, 100)).stream().map(StoredEvent::sequenceNr).toList();
    Future.join(appends).toCompletionStage().toCompletableFuture().handle((all, failure) -> null).get(30, TimeUnit.SECONDS);
    List<Long> acknowledged = new ArrayList<>();
    for (int i = 0; i < appends.size(); i++) {
      if (appends.get(i).succeeded()) {
        acknowledged.add(i + 3L);
      } else {
        assertThat(appends.get(i).cause()).hasMessageContaining("fenced off this one's token " + newer);
      }
    }
    assertThat(acknowledged).as("acknowledged appends of the older writer").isEqualTo(seenByTheNewest);
    assertThat(acknowledged).as("appends queued before the fence").isNotEmpty();
    assertThat(await(journal.read("fenced", 3, 100))).as("nothing written after the newest writer read")
        .extracting(StoredEvent::sequenceNr).containsExactlyElementsOf(seenByTheNewest);
    assertThat(newest).isGreaterThan(newer);
    assertThat(await(journal.fence("another"))).as("a token per persistence id").isEqualTo(1);
  }

  private static StoredEvent event(long sequenceNr) {
    return new StoredEvent("fenced", sequenceNr, "x", new byte[] {(byte) sequenceNr});
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
