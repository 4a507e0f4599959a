package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseSetTest {
  @Test
  void caseIsIgnored() {
    assertThat(PhraseSet.of("Sure, here it is")).isEqualTo(PhraseSet.of("sure, HERE it is"));
  }

  @Test
  void blankTextHasNoPhrase() {
    assertThat(PhraseSet.of(" \n\t ")).isEmpty();
  }

  @Test
  void hashesAreSortedAndDistinct() {
    assertThat(PhraseSet.of("the cat and the cat and the cat")).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void oneWordGivesTokenOpeningAndClosing() {
    assertThat(PhraseSet.of("Hello")).hasSize(3);
  }

  @Test
  void twoWordsAddTheirPairTwice() {
    // Tokens a and b, a as opening, b as closing, the pair a b and the pair as opening pair.
    assertThat(PhraseSet.of("hello there")).hasSize(6);
  }

  @Test
  void punctuationIsAToken() {
    assertThat(PhraseSet.of("hello")).isNotEqualTo(PhraseSet.of("hello!"));
  }

  @Test
  void wordOrderMatters() {
    assertThat(PhraseSet.of("thanks a lot")).isNotEqualTo(PhraseSet.of("a lot thanks"));
  }

  @Test
  void textPastTheLimitIsIgnored() {
    String head = "word ".repeat(SampleText.MAX_CHARS / 5);
    assertThat(PhraseSet.of(head + " tail")).isEqualTo(PhraseSet.of(head + " other end"));
  }

  @Test
  void cutLengthTextHasNoClosing() {
    String cut = "word ".repeat(399) + "last";
    assertThat(PhraseSet.of(cut)).hasSize(PhraseSet.of("word word last").length - 1);
  }

  @Test
  void storedTextGivesSamePhrases() {
    // The gateway tests the stored cut, while the benchmark and drift check read the whole text.
    String text = "abcde ".repeat(400);
    assertThat(PhraseSet.of(SampleText.cut(text))).isEqualTo(PhraseSet.of(text));
  }
}
