package dev.lookout.bench.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Two sources of texts, A and B, and how B enters a window of A's: as a share of the window's texts
 * (a mixture) or as a share of its prompts answered by B instead of A (a partial rollout).
 *
 * @param label A and B as printed in the tables, after the share of B
 * @param base source A, the baseline's
 * @param other source B, mixed into windows
 * @param promptSwap whether B answers a share of the window's prompts, as in {@link
 *     Scenario#modelSwap}, rather than adding texts, as in {@link Scenario#mixture}
 */
record ReferenceScenario(
    String label, List<TrafficText> base, List<TrafficText> other, boolean promptSwap) {

  /** The models whose AlpacaEval responses, pooled, are DriftBenchmark's assistant traffic. */
  private static final List<String> ASSISTANT =
      List.of("gpt4", "gpt-4o-2024-05-13", "claude-3-opus-20240229", "Qwen1.5-72B-Chat");

  /** Sources mixed into the pooled assistant traffic. */
  private static final List<String> POOL_MIXTURES =
      List.of("gpt-4o-mini-2024-07-18", "llama-2-70b-chat-hf", "code_alpaca_2k");

  /** Pairs of (old model, new model) of DriftBenchmark's partial rollouts. */
  private static final String[][] PROMPT_SWAPS = {
    {"gpt4", "gpt4_1106_preview"},
    {"gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"},
    {"gpt-4o-2024-05-13", "llama-2-70b-chat-hf"},
    {"claude-3-opus-20240229", "claude-3-5-sonnet-20240620"},
    {"gpt4", "Qwen1.5-72B-Chat"},
  };

  /** Returns the scenarios measured, in table order. */
  static List<ReferenceScenario> all(TrafficTexts texts) {
    List<TrafficText> assistant = new ArrayList<>();
    for (String model : ASSISTANT) {
      assistant.addAll(texts.source(model));
    }
    List<ReferenceScenario> scenarios = new ArrayList<>();
    for (String source : POOL_MIXTURES) {
      scenarios.add(
          new ReferenceScenario(
              source + " answers in assistant traffic", assistant, texts.source(source), false));
    }
    // Human responses to AlpacaEval's self-instruct instructions, mixed into one model's responses.
    scenarios.add(
        new ReferenceScenario(
            "gpt4llm_user_oriented_instructions answers in gpt-4o-2024-05-13 answers",
            texts.source("gpt-4o-2024-05-13"),
            texts.source("gpt4llm_user_oriented_instructions"),
            false));
    for (String[] swap : PROMPT_SWAPS) {
      scenarios.add(
          new ReferenceScenario(
              swap[0] + " -> " + swap[1], texts.source(swap[0]), texts.source(swap[1]), true));
    }
    return scenarios;
  }

  /** Returns the name of windows holding {@code fraction} of B, worded as in DriftBenchmark. */
  String name(double fraction) {
    String percent = Math.round(fraction * 100) + "%";
    return promptSwap ? percent + " of prompts swapped " + label : percent + " " + label;
  }

  /** Returns the sampler of windows with {@code fraction} of B, drawn from the given texts. */
  Scenario sampler(List<TrafficText> baseTexts, List<TrafficText> otherTexts, double fraction) {
    return promptSwap
        ? Scenario.modelSwap(name(fraction), baseTexts, otherTexts, fraction)
        : Scenario.mixture(name(fraction), baseTexts, otherTexts, fraction);
  }

  /** Returns the texts of both sources. */
  List<TrafficText> both() {
    List<TrafficText> all = new ArrayList<>(base);
    all.addAll(other);
    return all;
  }
}
