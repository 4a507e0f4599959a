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
    String head = "word ".repeat(PhraseSet.MAX_CHARS / 5);
    assertThat(PhraseSet.of(head + " tail")).isEqualTo(PhraseSet.of(head + " other end"));
  }

  @Test
  void cutTextHasNoClosingPhrase() {
    String head = "word ".repeat(PhraseSet.MAX_CHARS / 5 - 1) + "last";
    assertThat(PhraseSet.of(head + " more")).hasSize(PhraseSet.of(head).length - 1);
  }
}
