package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleTextTest {
  @Test
  void shortTextIsKept() {
    assertThat(SampleText.cut("short answer")).isEqualTo("short answer");
  }

  @Test
  void longTextIsCut() {
    assertThat(SampleText.cut("a".repeat(2500))).hasSize(SampleText.MAX_CHARS);
  }

  @Test
  void surrogatePairIsNotSplit() {
    String text = "a".repeat(SampleText.MAX_CHARS - 1) + "\uD83D\uDE00 more";
    assertThat(SampleText.cut(text)).hasSize(SampleText.MAX_CHARS - 1);
  }

  @Test
  void fullLengthTextMayBeCut() {
    assertThat(SampleText.mayBeCut("a".repeat(SampleText.MAX_CHARS - 1))).isTrue();
  }

  @Test
  void shorterTextIsWhole() {
    assertThat(SampleText.mayBeCut("a".repeat(SampleText.MAX_CHARS - 2))).isFalse();
  }
}
