package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWordsTest {
  private final ContextWords words = new ContextWords(List.of("ref", "order*", "*phone"), 20, 5);

  @Test
  void findsWholeWord() {
    assertThat(near(words, "Ref: 1234")).isTrue();
  }

  @Test
  void skipsWordInsideLongerWord() {
    assertThat(near(words, "refund 1234")).isFalse();
  }

  @Test
  void findsPrefixWithStar() {
    assertThat(near(words, "orders 1234")).isTrue();
  }

  @Test
  void findsSuffixWithStar() {
    assertThat(near(words, "telephone 1234")).isTrue();
  }

  @Test
  void findsPhraseOverAnySpace() {
    ContextWords phrase = new ContextWords(List.of("account no"), 20, 0);
    assertThat(near(phrase, "account\tno 1234")).isTrue();
  }

  @Test
  void skipsWordInEmailAddress() {
    assertThat(near(words, "orders@shop.io 1234")).isFalse();
  }

  @Test
  void findsWordBesideEmailAddress() {
    assertThat(near(words, "order a@shop.io 1234")).isTrue();
  }

  @Test
  void findsWordInQueryBesideEmailAddress() {
    assertThat(near(words, "a@b.io&order=1234")).isTrue();
  }

  @Test
  void skipsWordCutByWindowStart() {
    // The 4-character window before the digits contains "tel ", the end of "hotel".
    ContextWords tel = new ContextWords(List.of("tel"), 4, 0);
    assertThat(near(tel, "hotel 1234")).isFalse();
  }

  /** Returns whether a word is near the digits that end {@code text}. */
  private static boolean near(ContextWords words, String text) {
    int start = text.indexOf("1234");
    return words.near(text, start, start + 4);
  }
}
