package actors.grains;

import actors.ActorSystem;
import actors.grains.sample.Account;
import actors.persistence.PostgresServer;
import actors.testsupport.LoopbackCluster;
import actors.testsupport.NodeProcess;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static actors.grains.GrainNode.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts on three JVMs (this one and two others) keep their state in PostgreSQL; one JVM is
 * killed (SIGKILL) and the accounts it ran answer from the others with every acknowledged deposit.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class GrainsMultiJvmTest {

  private static final int ACCOUNTS = 30;
  private static final Duration TAKE_OVER_BOUND = Duration.ofSeconds(60);

  @Test
  void theStateOfAKilledNodesGrainsIsReadBackElsewhere() throws Exception {
    String postgres = PostgresServer.freshDatabase("grains_kill");
    String cluster = new LoopbackCluster().name;
    ActorSystem here = GrainNode.start(cluster, postgres);
    NodeProcess.Started doomed = NodeProcess.start(GrainNode.class, cluster, postgres);
    NodeProcess.Started other = NodeProcess.start(GrainNode.class, cluster, postgres);
    try {
      Grains grains = Grains.get(here);
      Map<String, Long> acknowledged = new HashMap<>();
      List<String> onDoomed = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        Account account = grains.ref(Account.class, "acct-" + i);
        await(account.deposit(100 + i));
        acknowledged.put("acct-" + i, await(account.deposit(1000L * i)));
        if (await(account.node()).equals(doomed.nodeId())) {
          onDoomed.add("acct-" + i);
        }
      }
      assertThat(onDoomed).as("accounts active on the JVM to be killed").isNotEmpty();

      doomed.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      long killed = System.nanoTime();
      for (String id : onDoomed) {
        Account account = grains.ref(Account.class, id);
        Long balance = null;
        while (balance == null) {
          assertThat(System.nanoTime() - killed).as("%s answers within %s of the kill", id, TAKE_OVER_BOUND)
              .isLessThan(TAKE_OVER_BOUND.toNanos());
          try {
            balance = await(account.balance());
          } catch (Exception notYet) {
            await(Future.future(promise -> here.vertx().setTimer(250, timer -> promise.complete())));
          }
        }
        assertThat(balance).as("balance of %s", id).isEqualTo(acknowledged.get(id));
        assertThat(await(account.node())).isNotEqualTo(doomed.nodeId());
      }
      System.out.printf("grains: %d accounts of the killed JVM answered with their state %d ms after the kill%n",
          onDoomed.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
    } finally {
      doomed.process().destroyForcibly();
      other.process().getOutputStream().close();
      other.process().waitFor(30, TimeUnit.SECONDS);
      LoopbackCluster.stop(here);
    }
  }
}
