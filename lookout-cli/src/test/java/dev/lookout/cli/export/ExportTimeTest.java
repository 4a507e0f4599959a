package dev.lookout.cli.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportTimeTest {
  private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

  @Test
  void hugeSinceIsUserError() {
    assertThatThrownBy(() -> ExportCommand.time("--since", "99999999999d", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--since");
  }
}
