package dev.lookout.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void parsesDays() {
    assertThat(DurationText.parse("--since", "7d")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void acceptsMax() {
    assertThat(DurationText.parse("--since", "36500d")).isEqualTo(DurationText.MAX);
  }

  @Test
  void rejectsHugeDays() {
    assertThatThrownBy(() -> DurationText.parse("--records", "99999999999999d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--records is too large");
  }

  @Test
  void rejectsDaysOverflowingDuration() {
    assertThatThrownBy(() -> DurationText.parse("--records", "9223372036854775807d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the most is 36500d");
  }

  @Test
  void rejectsNumberOverflowingLong() {
    assertThatThrownBy(() -> DurationText.parse("--since", "99999999999999999999ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--since is too large");
  }
}
