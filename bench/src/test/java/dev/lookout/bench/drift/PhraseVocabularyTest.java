package dev.lookout.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseVocabularyTest {
  // Phrase 1 is in every text, so no text lacks it. Phrase 2 is in the second group only,
  // phrase 3 in half of each group, and phrase 4 in too few texts.
  private static List<int[]> group(boolean second) {
    List<int[]> texts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<Integer> phrases = new ArrayList<>(List.of(1));
      if (second) {
        phrases.add(2);
      }
      if (i % 2 == 0) {
        phrases.add(3);
      }
      if (i == 0) {
        phrases.add(4);
      }
      texts.add(phrases.stream().mapToInt(Integer::intValue).toArray());
    }
    return texts;
  }

  @Test
  void keepsOnlyPhrasesSeenAndMissedOften() {
    assertThat(PhraseVocabulary.select(group(false), group(true), 10).size()).isEqualTo(2);
  }

  @Test
  void ranksSeparatingPhraseFirst() {
    PhraseVocabulary vocabulary = PhraseVocabulary.select(group(false), group(true), 1);
    assertThat(vocabulary.indicators(new int[] {2})).containsExactly(1.0);
  }

  @Test
  void ignoresPhrasesOutsideVocabulary() {
    PhraseVocabulary vocabulary = PhraseVocabulary.select(group(false), group(true), 1);
    assertThat(vocabulary.indicators(new int[] {1, 3, 4})).containsExactly(0.0);
  }
}
