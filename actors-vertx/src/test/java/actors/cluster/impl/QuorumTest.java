package actors.cluster.impl;

import actors.cluster.PartitionOptions;
import actors.cluster.PartitionStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which side of a split each strategy keeps, and what a node that lost says. */
class QuorumTest {

  private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");
  private static final long VIEW = Quorum.digest(Set.copyOf(FIVE));

  /** A quorum whose cluster manager lists {@link #FIVE}. */
  private static Quorum quorum(PartitionOptions options) {
    Quorum quorum = new Quorum("test", "a", options);
    quorum.listedBy(() -> Set.copyOf(FIVE));
    return quorum;
  }

  @Test
  void keepMajorityKeepsTheSideWithMoreThanHalfAndOnAnEvenSplitTheSideWithTheLowestId() {
    Quorum quorum = quorum(new PartitionOptions());
    assertThat(quorum.isQuorum(Set.of("c", "d", "e"), FIVE, Map.of())).isTrue();
    assertThat(quorum.isQuorum(Set.of("a", "b"), FIVE, Map.of())).isFalse();
    List<String> four = List.of("a", "b", "c", "d");
    assertThat(quorum.isQuorum(Set.of("a", "d"), four, Map.of())).isTrue();
    assertThat(quorum.isQuorum(Set.of("b", "c"), four, Map.of())).isFalse();
    assertThat(quorum.isQuorum(Set.of("a", "x", "y"), FIVE, Map.of())).as("nodes it does not count do not count").isFalse();
    assertThat(quorum.needs(5)).isEqualTo("keep-majority needs 3 (or half with the lowest node id)");
  }

  @Test
  void staticQuorumKeepOldestAndDownAll() {
    Quorum fixed = quorum(new PartitionOptions().setStrategy(PartitionStrategy.STATIC_QUORUM).setQuorumSize(3));
    assertThat(fixed.isQuorum(Set.of("a", "b", "c"), FIVE, Map.of())).isTrue();
    assertThat(fixed.isQuorum(Set.of("a", "b"), FIVE, Map.of())).isFalse();
    Quorum oldest = quorum(new PartitionOptions().setStrategy(PartitionStrategy.KEEP_OLDEST));
    Map<String, Long> starts = Map.of("a", 30L, "b", 20L, "c", 10L, "d", 40L, "e", 50L);
    assertThat(oldest.isQuorum(Set.of("c"), FIVE, starts)).as("the oldest alone keeps it").isTrue();
    assertThat(oldest.isQuorum(Set.of("a", "b", "d", "e"), FIVE, starts)).isFalse();
    Quorum all = quorum(new PartitionOptions().setStrategy(PartitionStrategy.DOWN_ALL));
    assertThat(all.isQuorum(Set.copyOf(FIVE), FIVE, Map.of())).isTrue();
    assertThat(all.isQuorum(Set.of("a", "b", "c", "d"), FIVE, Map.of())).isFalse();
  }

  @Test
  void aRoundThatReachedAQuorumGivesTheRightToHostUntilTheStopMarginOfItsEnd() {
    Quorum quorum = quorum(new PartitionOptions());
    assertThat(quorum.mayHost()).as("before any round").isFalse();
    assertThat(quorum.downReason()).as("waiting for the first round is not being down").isNull();
    long now = System.nanoTime();
    quorum.renewed(now, VIEW);
    assertThat(quorum.mayHost()).isTrue();
    assertThat(quorum.untilStop(now)).isEqualTo(1_500_000_000L);
    assertThat(quorum.takeOverDelayMillis("gone")).as("not confirmed gone: ask again after a round").isEqualTo(500);
    assertThat(quorum.toConfirm).containsExactly("gone");
    quorum.confirmedGone.put("gone", System.nanoTime());
    assertThat(quorum.takeOverDelayMillis("gone")).as("confirmed: wait the lease time and 10%").isBetween(2_100L, 2_200L);
    quorum.confirmedGone.put("long-gone", System.nanoTime() - 3_000_000_000L);
    assertThat(quorum.takeOverDelayMillis("long-gone")).isZero();
  }

  @Test
  void aNodeWhoseRightRanOutStopsHostingAndSaysWhy() {
    Quorum quorum = quorum(new PartitionOptions());
    quorum.renewed(System.nanoTime() - 3_000_000_000L, VIEW);
    quorum.lapsed("it hears 2 of the 5 members");
    assertThat(quorum.mayHost()).isFalse();
    assertThat(quorum.downReason()).isEqualTo("it hears 2 of the 5 members");
    assertThat(quorum.takeOverDelayMillis("any")).as("a node that may not host takes nothing over").isNegative();
    quorum.renewed(System.nanoTime(), VIEW);
    assertThat(quorum.mayHost()).isTrue();
    assertThat(quorum.downReason()).isNull();
  }

  @Test
  void afterAChangeOfMembershipOnlyARoundInTheNewViewLetsTheNodeTakeLeases() {
    Quorum quorum = new Quorum("test", "a", new PartitionOptions());
    java.util.concurrent.atomic.AtomicReference<Set<String>> listed = new java.util.concurrent.atomic.AtomicReference<>(Set.copyOf(FIVE));
    quorum.listedBy(listed::get);
    long start = System.nanoTime();
    quorum.renewed(start, VIEW);
    assertThat(quorum.mayAcquire()).isTrue();

    listed.set(Set.of("a", "b")); // a split: this side's copy of the leases may lack the other side's
    assertThat(quorum.mayHost()).as("what it runs runs on while the right lasts").isTrue();
    assertThat(quorum.mayAcquire()).as("no lease taken on the right of a round in the old view").isFalse();
    quorum.confirmedGone.put("c", System.nanoTime() - 3_000_000_000L);
    assertThat(quorum.takeOverDelayMillis("c")).as("nor taken over: asked again after a round").isEqualTo(500);

    quorum.renewed(start - 1, VIEW);
    assertThat(quorum.mayAcquire()).as("an older round in the old view changes nothing").isFalse();
    quorum.renewed(System.nanoTime(), Quorum.digest(Set.of("a", "b")));
    assertThat(quorum.mayAcquire()).as("a round in the new view reached a quorum").isTrue();
    assertThat(quorum.takeOverDelayMillis("c")).isZero();
  }
}
