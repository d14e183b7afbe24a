package actors.partition;

import actors.persistence.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network partitions made for real: five JVMs on 127.0.0.2 to 127.0.0.6, cut apart with iptables
 * ({@link NetworkCuts}), each hosting 30 entities, 100 persistent entities (PostgreSQL, started
 * here) and a candidate for one singleton, all of which report their lives. Nothing may ever run
 * twice at once; the side that loses stops hosting and fails its asks at once, saying why; every
 * acknowledged write is in the journal once ({@link JournalHistory}); after the heal, every
 * entity answers again from every node.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PartitionTest {

  private static final int ALL = PartitionCluster.ALL;

  @Test
  void twoCutFromThreeTheMajorityHostsTheMinorityStandsDownAndNothingRunsTwice() throws Exception {
    String postgres = PostgresServer.freshDatabase("partition_" + UUID.randomUUID().toString().replace("-", ""));
    List<String> addresses = PartitionCluster.addresses(5);
    PartitionCluster cluster;
    try (NetworkCuts cuts = NetworkCuts.open(addresses);
         PartitionCluster started = new PartitionCluster("partition-" + UUID.randomUUID(), addresses, postgres)) {
      cluster = started;
      for (PartitionCluster.Node node : cluster.nodes) {
        PartitionCluster.answersAll(node, 60_000);
        PartitionCluster.writesAll(node, "before-" + node.index(), 60_000);
      }
      List<PartitionCluster.Node> minority = cluster.nodes.subList(0, 2);
      List<PartitionCluster.Node> majority = cluster.nodes.subList(2, 5);
      cuts.cut(minority.stream().map(PartitionCluster.Node::address).toList(),
          majority.stream().map(PartitionCluster.Node::address).toList());
      long cutAt = System.nanoTime();
      // Writes from every node while the cut takes effect: some are acknowledged, some not.
      for (PartitionCluster.Node node : cluster.nodes) {
        node.ask("WRITE cut-" + node.index(), "WROTE", 30_000);
      }

      // The minority stands down: its asks fail at once, saying why, instead of hanging.
      for (PartitionCluster.Node node : minority) {
        PartitionCluster.Awaited down = PartitionCluster.awaitAnswer(node, "ASK", "ASKED",
            line -> line.startsWith("ASKED 0 " + ALL + " "), 30_000);
        String[] part = down.answer().split(" ", 5);
        assertThat(Long.parseLong(part[3])).as("asks on the minority fail at once").isLessThan(1_000);
        assertThat(part[4]).contains("may not host or reach").contains("hears 2 of the 5 members")
            .contains("keep-majority needs 3");
        System.out.println("partition: " + node.address() + " stood down " + ms(cutAt) + " ms after the cut");
      }
      // The majority hosts everything, the minority's shards and singleton included.
      for (PartitionCluster.Node node : majority) {
        PartitionCluster.answersAll(node, 60_000);
        PartitionCluster.writesAll(node, "during-" + node.index(), 30_000);
        System.out.println("partition: " + node.address() + " answered and wrote all " + ms(cutAt) + " ms after the cut");
      }

      cuts.heal();
      long healedAt = System.nanoTime();
      cluster.awaitMembers(5, 120_000);
      for (PartitionCluster.Node node : cluster.nodes) {
        PartitionCluster.answersAll(node, 60_000);
        PartitionCluster.writesAll(node, "after-" + node.index(), 60_000);
      }
      System.out.println("partition: every node answered and wrote all " + ms(healedAt) + " ms after the heal");
    }
    Lives lives = new Lives(cluster.lives, System.currentTimeMillis());
    assertThat(lives.count()).as("lives reported").isGreaterThan(ALL + PartitionNode.PERSISTENT);
    assertThat(lives.overlaps()).as("two lives of one entity at once").isEmpty();
    assertThat(cluster.acknowledged).as("acknowledged writes").hasSizeGreaterThan(5 * PartitionNode.PERSISTENT);
    assertThat(JournalHistory.problems(postgres, cluster.acknowledged)).as("the journal against what was acknowledged").isEmpty();
    System.out.println("partition: " + cluster.acknowledged.size() + " acknowledged writes, each in the journal once; "
        + lives.count() + " lives, none at once");
  }

  private static long ms(long since) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
  }
}
