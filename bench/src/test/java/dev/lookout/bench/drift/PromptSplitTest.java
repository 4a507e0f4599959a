package dev.lookout.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptSplitTest {
  /** Two models' answers to the same 10 prompts. */
  private static List<TrafficText> answers() {
    List<TrafficText> texts = new ArrayList<>();
    for (String model : List.of("a", "b")) {
      for (int p = 0; p < 10; p++) {
        texts.add(new TrafficText(texts.size(), model, "none", "prompt " + p, model + p));
      }
    }
    return texts;
  }

  @Test
  void halvesShareNoPrompt() {
    List<TrafficText> texts = answers();
    PromptSplit split = PromptSplit.of(texts, 1);
    Set<String> fitting = new HashSet<>();
    split.half(texts, true).forEach(text -> fitting.add(text.prompt()));
    Set<String> testing = new HashSet<>();
    split.half(texts, false).forEach(text -> testing.add(text.prompt()));
    assertThat(fitting).doesNotContainAnyElementsOf(testing);
  }

  @Test
  void halvesHaveEqualPromptCounts() {
    List<TrafficText> texts = answers();
    assertThat(PromptSplit.of(texts, 1).half(texts, true)).hasSize(10);
  }

  @Test
  void sameSeedGivesSameSplit() {
    List<TrafficText> texts = answers();
    assertThat(PromptSplit.of(texts, 7).half(texts, true))
        .isEqualTo(PromptSplit.of(texts, 7).half(texts, true));
  }
}
