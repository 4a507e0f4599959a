package dev.lookout.store.retention;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  @Test
  void hoursNamedAsTyped() {
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(1), null))
        .hasMessageContaining("got 1h");
  }

  @Test
  void zeroNamedInSeconds() {
    assertThatThrownBy(() -> new RetentionPolicy(null, Duration.ZERO))
        .hasMessageContaining("retention.payloads must be at least 1d, got 0s");
  }
}
