package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " \n\t", "\u00a0", "\u200b\u200b", "\ufeff", "\u202f", "\u2007"})
  void invisibleTextIsBlank(String text) {
    assertThat(VisibleText.isBlank(text)).isTrue();
  }

  @Test
  void letterIsVisible() {
    assertThat(VisibleText.isBlank("\u00a0a\u200b")).isFalse();
  }

  @Test
  void emojiIsVisible() {
    assertThat(VisibleText.isBlank("\ud83d\ude00")).isFalse();
  }
}
