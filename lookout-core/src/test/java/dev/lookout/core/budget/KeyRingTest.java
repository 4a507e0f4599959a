package dev.lookout.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final KeyRing RING = new KeyRing(List.of(), Map.of("alice", "search"), false);

  @Test
  void listedUserIsConfigured() {
    assertThat(RING.isConfiguredUser("alice")).isTrue();
  }

  @Test
  void requestUserIsNotConfigured() {
    assertThat(RING.isConfiguredUser("zoe@example.com")).isFalse();
  }
}
