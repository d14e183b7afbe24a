package actors.cluster;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionOptionsTest {

  @Test
  void theDefaultsKeepTheTimingRule() {
    PartitionOptions options = new PartitionOptions().validate();
    assertThat(options.getStrategy()).isEqualTo(PartitionStrategy.KEEP_MAJORITY);
    assertThat(options.getRenewInterval().multipliedBy(3)).isLessThanOrEqualTo(options.getLeaseTime());
  }

  @Test
  void optionsThatBreakTheTimingRuleAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> new PartitionOptions().setRenewInterval(Duration.ofSeconds(1)).validate())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewInterval x 3 must not exceed leaseTime");
    assertThatThrownBy(() -> new PartitionOptions().setStopMargin(Duration.ofMillis(100)).validate())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stopMargin must be at least renewInterval");
    assertThatThrownBy(() -> new PartitionOptions().setStopMargin(Duration.ofMillis(1600)).validate())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than leaseTime - renewInterval");
    assertThatThrownBy(() -> new PartitionOptions().setStrategy(PartitionStrategy.STATIC_QUORUM).validate())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STATIC_QUORUM needs setQuorumSize");
    assertThatThrownBy(() -> new PartitionOptions().setLeaseTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseTime must be positive");
  }

  @Test
  void aStrategyIsNamedAsItsConstantOrInPekkosSpellingAndAnUnknownNameIsRefused() {
    assertThat(new PartitionOptions(new JsonObject().put("strategy", "keep-oldest")).getStrategy())
        .isEqualTo(PartitionStrategy.KEEP_OLDEST);
    assertThat(PartitionStrategy.of("DOWN_ALL")).isEqualTo(PartitionStrategy.DOWN_ALL);
    assertThatThrownBy(() -> new PartitionOptions(new JsonObject().put("strategy", "keep-minority")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown partition strategy 'keep-minority'; one of keep-majority, static-quorum, keep-oldest, down-all");
  }

  @Test
  void theJsonFormReadsBackEqual() {
    PartitionOptions options = new PartitionOptions().setStrategy(PartitionStrategy.STATIC_QUORUM).setQuorumSize(3)
        .setRenewInterval(Duration.ofMillis(200)).setLeaseTime(Duration.ofSeconds(1)).setStopMargin(Duration.ofMillis(300));
    assertThat(new PartitionOptions(new JsonObject(options.toJson().encode()))).isEqualTo(options);
  }
}
