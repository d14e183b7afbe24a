package actors.cluster.impl;

import actors.cluster.ClusterSecurityOptions;
import actors.internal.ClusterKeys;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seal of a batch: what lets it in, and that any change of any byte, a replay, or another key or address does not. */
class BatchSealTest {

  private static final String ADDRESS = "actors.test.node-b";
  private static final String SECRET = "the-cluster-secret-of-this-test";
  private static final String OTHER = "another-cluster-secret-entirely";

  private static ClusterKeys keys(String secret, String... accepted) {
    ClusterSecurityOptions options = new ClusterSecurityOptions().setSecret(secret);
    for (String each : accepted) {
      options.addAcceptedSecret(each);
    }
    return ClusterKeys.of(options);
  }

  private static Buffer sealed(BatchSeal seal, String... frames) {
    Buffer batch = seal.newBatch(64);
    for (String frame : frames) {
      Buffer bytes = Buffer.buffer(frame);
      batch.appendInt(bytes.length()).appendBuffer(bytes);
    }
    seal.seal(batch, ADDRESS);
    return batch;
  }

  @Test
  void aSealedBatchIsLetInOnceAtItsAddressAndItsFramesFollowTheHeader() {
    BatchSeal a = new BatchSeal(keys(SECRET), "node-a");
    BatchSeal b = new BatchSeal(keys(SECRET), "node-b");
    Buffer onTheWire = sealed(a, "one", "two");
    assertThat(onTheWire.toString()).doesNotContain("one").doesNotContain("two"); // encrypted
    assertThat(BatchSeal.senderOf(onTheWire)).isEqualTo("node-a");
    assertThat(b.refusal(onTheWire.copy(), "node-a", "actors.test.node-c")).contains("does not verify");
    Buffer batch = onTheWire.copy();
    assertThat(b.refusal(batch, "node-a", ADDRESS)).isNull();
    assertThat(b.refusal(onTheWire.copy(), "node-a", ADDRESS)).contains("replayed");
    StringBuilder frames = new StringBuilder();
    assertThat(OutboundBatches.forEachFrame(BatchSeal.frames(batch), frame -> frames.append(frame.toString()).append(' ')))
        .isTrue();
    assertThat(frames).hasToString("one two ");
  }

  @Test
  void changingAnyByteOfABatchGetsItRefused() {
    BatchSeal a = new BatchSeal(keys(SECRET), "node-a");
    BatchSeal b = new BatchSeal(keys(SECRET), "node-b");
    Buffer original = sealed(a, "a frame", "and another");
    for (int position = 0; position < original.length(); position++) {
      Buffer changed = original.copy();
      changed.setByte(position, (byte) (changed.getByte(position) ^ 0x40));
      String sender = BatchSeal.senderOf(changed);
      assertThat(b.refusal(changed, sender, ADDRESS)).as("byte %d changed", position).isNotNull();
    }
    assertThat(b.refusal(original, "node-a", ADDRESS)).isNull();
  }

  @Test
  void batchesFromSeveralThreadsMayArriveOutOfOrderButNoneTwice() {
    BatchSeal a = new BatchSeal(keys(SECRET), "node-a");
    BatchSeal b = new BatchSeal(keys(SECRET), "node-b");
    Buffer first = sealed(a, "1");
    Buffer second = sealed(a, "2");
    assertThat(b.refusal(second, "node-a", ADDRESS)).isNull();
    assertThat(b.refusal(first.copy(), "node-a", ADDRESS)).isNull();
    assertThat(b.refusal(first, "node-a", ADDRESS)).contains("replayed");
  }

  @Test
  void aKeyRollAcceptsBothKeysWhereTheyAreAcceptedAndOnlyThere() {
    BatchSeal newSigner = new BatchSeal(keys(OTHER, SECRET), "node-a");
    BatchSeal rolling = new BatchSeal(keys(SECRET, OTHER), "node-b");
    BatchSeal oldOnly = new BatchSeal(keys(SECRET), "node-c");
    assertThat(rolling.refusal(sealed(newSigner, "x"), "node-a", ADDRESS)).isNull();
    assertThat(oldOnly.refusal(sealed(newSigner, "x"), "node-a", ADDRESS)).contains("does not accept");
    assertThat(newSigner.refusal(sealed(oldOnly, "x"), "node-c", ADDRESS)).isNull();
  }

  @Test
  void aSenderStartedAgainUnderTheSameNodeIdIsANewIncarnationAndItsOldBatchesStayRefused() {
    BatchSeal b = new BatchSeal(keys(SECRET), "node-b");
    Buffer old = sealed(new BatchSeal(keys(SECRET), "node-a"), "old");
    assertThat(b.refusal(old.copy(), "node-a", ADDRESS)).isNull();
    assertThat(b.refusal(sealed(new BatchSeal(keys(SECRET), "node-a"), "new"), "node-a", ADDRESS)).isNull();
    assertThat(b.refusal(old, "node-a", ADDRESS)).contains("replayed");
  }

  @Test
  void theReplayWindowRefusesWhatItSawAndWhatIsOlderThanItCanTell() {
    ReplayWindow window = new ReplayWindow();
    assertThat(window.accept(100)).isTrue();
    assertThat(window.accept(100)).isFalse();
    assertThat(window.accept(99)).isTrue();
    assertThat(window.accept(101 + ReplayWindow.SIZE)).isTrue();
    assertThat(window.accept(101)).isFalse(); // now older than the window
    assertThat(window.accept(101 + ReplayWindow.SIZE - 10)).isTrue(); // below the highest, within the window
    assertThat(window.accept(101 + ReplayWindow.SIZE)).isFalse();
    assertThat(window.accept(100 + 3 * ReplayWindow.SIZE)).isTrue();
    assertThat(window.accept(100 + 2 * ReplayWindow.SIZE + 1)).isTrue(); // within the window, not seen
  }

  @Test
  void aReceiverRefusesReplaysFromTheLastIncarnationsOfANodeAndFromTheRetiredOnesBefore() {
    BatchSeal b = new BatchSeal(keys(SECRET), "node-b");
    int runs = SenderIncarnations.LIVE + SenderIncarnations.RETIRED + 1;
    // Run after run of node-a's system, one after the other: a batch of each is captured.
    List<Buffer> captured = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Buffer batch = sealed(new BatchSeal(keys(SECRET), "node-a"), "run " + run);
      assertThat(b.refusal(batch.copy(), "node-a", ADDRESS)).as("run %d's first batch", run).isNull();
      captured.add(batch);
      for (int earlier = Math.max(0, run - SenderIncarnations.LIVE + 1); earlier <= run; earlier++) {
        assertThat(b.refusal(captured.get(earlier).copy(), "node-a", ADDRESS)).as("run %d replayed at run %d", earlier, run)
            .contains("replayed, or older than the replay window");
      }
    }
    // The retired runs: refused as such; the one before them all is no longer told apart (the manual says so).
    for (int run = 1; run < runs - SenderIncarnations.LIVE; run++) {
      assertThat(b.refusal(captured.get(run).copy(), "node-a", ADDRESS)).as("retired run %d replayed", run)
          .contains("its incarnation was followed by 4 newer ones");
    }
    assertThat(b.refusal(captured.get(0).copy(), "node-a", ADDRESS)).isNull();
  }
}
