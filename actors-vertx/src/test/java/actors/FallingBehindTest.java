package actors;

import actors.dispatch.MailboxOptions;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An actor that receives faster than it processes is named in a warning with its mailbox size. */
class FallingBehindTest extends SystemTestBase {

  /** About five microseconds of work per message. */
  static final class Slow extends Actor {
    private long sink;

    @Override
    protected void receive(Object message) {
      long x = sink;
      for (int i = 0; i < 5_000; i++) {
        x = x * 31 + i;
      }
      sink = x;
    }
  }

  @Test
  void anActorThatFallsBehindIsLoggedWithItsMailboxSize(VertxTestContext test) {
    LogCapture log = new LogCapture("actors");
    // A thousand messages a millisecond, each about five microseconds of work.
    ActorRef slow = system.actorOf(Props.create(Slow::new)
        .withMailbox(new MailboxOptions().setWarningSize(2_000)), "slow");
    long flood = vertx.setPeriodic(1, id -> {
      for (int i = 0; i < 1_000; i++) {
        slow.tell(i);
      }
    });
    log.when(message -> message.contains("/user/slow"))
        .timeout(10, TimeUnit.SECONDS)
        .onComplete(test.succeeding(warning -> test.verify(() -> {
          vertx.cancelTimer(flood);
          log.close();
          assertThat(warning).contains("[FallingBehindTest] the mailbox of /user/slow holds ")
              .contains("(warning size 2000)").contains("Backpressure");
          int waiting = Integer.parseInt(warning.replaceAll(".* holds (\\d+) messages.*", "$1"));
          assertThat(waiting).isGreaterThanOrEqualTo(2_000);
          test.completeNow();
        })));
  }

  @Test
  void theWarningSizeIsZeroForOffOrPositiveAndKeptInJson() {
    assertThat(new MailboxOptions().getWarningSize()).isEqualTo(MailboxOptions.DEFAULT_WARNING_SIZE);
    assertThat(new MailboxOptions().setWarningSize(0).isDefault()).as("the queue stays the lock-free one").isTrue();
    assertThat(new MailboxOptions(new MailboxOptions().setWarningSize(5).toJson()).getWarningSize()).isEqualTo(5);
    assertThatThrownBy(() -> new MailboxOptions().setWarningSize(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warningSize").hasMessageContaining("-1");
  }
}
