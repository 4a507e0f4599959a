package dev.lookout.bench.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Splits texts into a fitting half and a testing half by prompt, so that no prompt's answers are on
 * both sides. AlpacaEval's models answer the same 805 prompts, so a split by text would let a
 * discriminant learn a prompt from one model's answer and meet it again in another's.
 */
final class PromptSplit {
  private final Map<String, Integer> numbers;

  private PromptSplit(Map<String, Integer> numbers) {
    this.numbers = numbers;
  }

  /** Numbers the distinct prompts of {@code texts} in a random order drawn from {@code seed}. */
  static PromptSplit of(List<TrafficText> texts, long seed) {
    Map<String, Integer> firstSeen = new LinkedHashMap<>();
    for (TrafficText text : texts) {
      firstSeen.putIfAbsent(text.prompt(), firstSeen.size());
    }
    List<String> prompts = new ArrayList<>(firstSeen.keySet());
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = prompts.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = prompts.get(i);
      prompts.set(i, prompts.get(j));
      prompts.set(j, swap);
    }
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (String prompt : prompts) {
      numbers.put(prompt, numbers.size());
    }
    return new PromptSplit(numbers);
  }

  /**
   * Returns the number of the text's prompt, from 0 to the number of prompts minus 1.
   *
   * @throws IllegalArgumentException if the prompt was not among the texts split
   */
  int group(TrafficText text) {
    Integer number = numbers.get(text.prompt());
    if (number == null) {
      throw new IllegalArgumentException("Prompt of text " + text.index() + " was not split");
    }
    return number;
  }

  /** Returns whether the text's prompt is in the fitting half, the first half of the numbers. */
  boolean fitting(TrafficText text) {
    return group(text) < numbers.size() / 2;
  }

  /** Returns the texts of {@code texts} whose prompt is in the half chosen by {@code fitting}. */
  List<TrafficText> half(List<TrafficText> texts, boolean fitting) {
    return texts.stream().filter(text -> fitting(text) == fitting).toList();
  }
}
