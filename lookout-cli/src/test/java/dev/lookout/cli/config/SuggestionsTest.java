package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void swappedLettersCountOnce() {
    assertThat(Suggestions.editDistance("prot", "port")).isEqualTo(1);
  }

  @Test
  void closestIgnoresCase() {
    assertThat(Suggestions.closest("Windw_Size", List.of("window_size", "baseline_size")))
        .isEqualTo("window_size");
  }

  @Test
  void distantNameHasNoSuggestion() {
    assertThat(Suggestions.closest("colour", List.of("port", "host"))).isNull();
  }

  @Test
  void shortNameAllowsOneEdit() {
    assertThat(Suggestions.closest("hsot", List.of("host"))).isEqualTo("host");
    assertThat(Suggestions.closest("hxsx", List.of("host"))).isNull();
  }
}
