package actors.impl.cell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated names kept as numbers must hash, compare and print as the Strings they stand for. */
class NamesTest {

  @Test
  void aGeneratedNameRoundTripsThroughItsNumber() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      int n = i < 100_000 ? i : random.nextInt(Integer.MAX_VALUE);
      String name = Names.generated(n);
      assertThat(Names.generatedNumber(name)).as(name).isEqualTo(n);
      assertThat(Names.generatedHash(n)).as(name).isEqualTo(name.hashCode());
      assertThat(Names.isGenerated(n, name)).as(name).isTrue();
      assertThat(Names.isGenerated(n, name + "a")).as(name).isFalse();
      assertThat(Names.isGenerated(n + 1, name)).as(name).isFalse();
    }
    assertThat(Names.generatedNumber(Names.generated(Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void anyOtherNameIsKeptAsItsString() {
    for (String name : List.of("a", "$", "$ba", "$a-", "$ab c", "worker", "$aaaaaaa", Names.generated(Integer.MAX_VALUE + 1L),
        "$$", "a$b", "$é")) {
      assertThat(Names.generatedNumber(name)).as(name).isEqualTo(-1);
    }
    assertThat(Names.isGenerated(0, "")).isFalse();
    assertThat(Names.isGenerated(0, "a")).isFalse();
    assertThat(Names.isGenerated(0, "$")).isFalse();
    assertThat(Names.isGenerated(0, "$a")).isTrue();
  }
}
