package actors.partition;

import actors.persistence.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two other cuts of the partition tests, on the same five JVMs as {@link PartitionTest}: the
 * singleton's node cut from the four others, then a link that flaps (two nodes from three, cut
 * for 4 s and healed for 4 s, eight times: about a minute, under writes). Nothing runs twice at
 * once; the node alone stands down and says why; the others take its singleton and shards over;
 * after each heal every entity answers again from every node; every acknowledged write is in the
 * journal once.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PartitionScenariosTest {

  private static final int ALL = PartitionCluster.ALL;
  private static final long HEAL_BOUND_MS = 120_000;
  /** Hazelcast's merge after a heal (not this library's): its attempts can fail for over a minute after a flapping link. */
  private static final long MERGE_BOUND_MS = 180_000;
  private static final int FLAPS = 8;

  private int round;

  @Test
  void theSingletonsNodeAloneAndAFlappingLinkNeverRunAnythingTwiceNorLoseAnAcknowledgedWrite() throws Exception {
    String postgres = PostgresServer.freshDatabase("scenarios_" + UUID.randomUUID().toString().replace("-", ""));
    List<String> addresses = PartitionCluster.addresses(5);
    PartitionCluster cluster;
    try (NetworkCuts cuts = NetworkCuts.open(addresses);
         PartitionCluster started = new PartitionCluster("scenarios-" + UUID.randomUUID(), addresses, postgres)) {
      cluster = started;
      for (PartitionCluster.Node node : cluster.nodes) {
        answersAndWritesAll(node, 60_000);
      }

      String soleNode = Lives.whereNow(cluster.lives, "sole");
      assertThat(soleNode).as("the node that runs the singleton").isNotNull();
      PartitionCluster.Node alone = cluster.byId(soleNode);
      List<PartitionCluster.Node> others = cluster.nodes.stream().filter(node -> node != alone).toList();
      cuts.cut(List.of(alone.address()), addressesOf(others));
      long cutAt = System.nanoTime();
      PartitionCluster.Awaited down = PartitionCluster.awaitAnswer(alone, "ASK", "ASKED",
          line -> line.startsWith("ASKED 0 " + ALL + " "), 30_000);
      String[] part = down.answer().split(" ", 5);
      assertThat(Long.parseLong(part[3])).as("asks on the node alone fail at once").isLessThan(1_000);
      // A minority: 1, or 2 while the last peer's heartbeats still count; either refuses at once.
      assertThat(part[4]).contains("may not host or reach").containsPattern("hears [12] of the 5 members");
      for (PartitionCluster.Node node : others) {
        answersAndWritesAll(node, 60_000);
      }
      assertThat(Lives.whereNow(cluster.lives, "sole")).as("the singleton moved").isNotEqualTo(soleNode);
      System.out.println("partition: the singleton's node alone stood down; the singleton and every entity answered "
          + "on the others " + ms(cutAt) + " ms after the cut");
      healAndConverge(cuts, cluster, "the singleton's node alone");

      List<String> two = addressesOf(cluster.nodes.subList(0, 2));
      List<String> three = addressesOf(cluster.nodes.subList(2, 5));
      long flapStart = System.nanoTime();
      for (int flap = 0; flap < FLAPS; flap++) {
        cuts.cut(two, three);
        cluster.nodes.forEach(node -> node.send("WRITE flap-" + round++, "WROTE"));
        Thread.sleep(4_000); // the flapping's rhythm, not a wait for an outcome
        cuts.heal();
        Thread.sleep(4_000);
      }
      System.out.println("partition: flapped for " + ms(flapStart) + " ms");
      healAndConverge(cuts, cluster, "the flapping link");
    }
    Lives lives = new Lives(cluster.lives, System.currentTimeMillis());
    assertThat(lives.overlaps()).as("two lives of one entity at once").isEmpty();
    assertThat(cluster.acknowledged).as("acknowledged writes").hasSizeGreaterThan(10 * PartitionNode.PERSISTENT);
    assertThat(JournalHistory.problems(postgres, cluster.acknowledged)).as("the journal against what was acknowledged").isEmpty();
    System.out.println("partition: " + cluster.acknowledged.size() + " acknowledged writes, each in the journal once; "
        + lives.count() + " lives, none two at once");
  }

  private void answersAndWritesAll(PartitionCluster.Node node, long boundMs) throws Exception {
    PartitionCluster.answersAll(node, boundMs);
    PartitionCluster.writesAll(node, "w-" + round++, boundMs);
  }

  private void healAndConverge(NetworkCuts cuts, PartitionCluster cluster, String what) throws Exception {
    cuts.heal();
    long healedAt = System.nanoTime();
    cluster.awaitMembers(5, MERGE_BOUND_MS);
    for (PartitionCluster.Node node : cluster.nodes) {
      answersAndWritesAll(node, HEAL_BOUND_MS);
    }
    System.out.println("partition: every node answered and wrote all " + ms(healedAt) + " ms after healing " + what);
  }

  private static List<String> addressesOf(List<PartitionCluster.Node> nodes) {
    return nodes.stream().map(PartitionCluster.Node::address).toList();
  }

  private static long ms(long since) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
  }
}
