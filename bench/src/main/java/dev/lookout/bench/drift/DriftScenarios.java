package dev.lookout.bench.drift;

import java.util.ArrayList;
import java.util.List;

/** The stationary and shifted scenarios measured, built from the traffic data set. */
final class DriftScenarios {
  /** Files read, relative to the traffic folder. */
  static final List<String> FILES =
      List.of(
          "alpaca_eval/gpt4.jsonl",
          "alpaca_eval/gpt4_1106_preview.jsonl",
          "alpaca_eval/gpt-4o-2024-05-13.jsonl",
          "alpaca_eval/gpt-4o-mini-2024-07-18.jsonl",
          "alpaca_eval/claude-3-opus-20240229.jsonl",
          "alpaca_eval/claude-3-5-sonnet-20240620.jsonl",
          "alpaca_eval/text_davinci_003.jsonl",
          "alpaca_eval/gpt35_turbo_instruct.jsonl",
          "alpaca_eval/Qwen1.5-72B-Chat.jsonl",
          "alpaca_eval/llama-2-70b-chat-hf.jsonl",
          "code_alpaca_2k.jsonl",
          "hh_rlhf_harmless_base_test_first_turn.jsonl",
          "gpt4llm_user_oriented_instructions.jsonl",
          "new_codealpaca_traffic.jsonl",
          "lmsys_mt_bench_gpt4_reference.jsonl");

  /** Sources whose responses make up 20% of a window of one model's responses: other traffic. */
  private static final List<String> OTHER_TRAFFIC =
      List.of(
          "hh_rlhf_harmless_base_test_first_turn",
          "gpt4llm_user_oriented_instructions",
          "new_codealpaca_traffic",
          "lmsys_mt_bench_gpt4_reference");

  /** Models whose AlpacaEval answers, pooled, are the "assistant traffic" baseline. */
  private static final List<String> ASSISTANT =
      List.of("gpt4", "gpt-4o-2024-05-13", "claude-3-opus-20240229", "Qwen1.5-72B-Chat");

  /** Pairs of (old model, new model) answering the same AlpacaEval prompts. */
  private static final String[][] SWAPS = {
    {"gpt4", "gpt4_1106_preview"},
    {"gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"},
    {"claude-3-opus-20240229", "claude-3-5-sonnet-20240620"},
    {"text_davinci_003", "gpt35_turbo_instruct"},
  };

  /**
   * Pairs whose new model answers a share of the old model's prompts: a partial rollout behind one
   * model name, within one drift key of one template and one model.
   */
  private static final String[][] PARTIAL_SWAPS = {
    {"gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"},
    {"gpt-4o-2024-05-13", "llama-2-70b-chat-hf"},
    {"claude-3-opus-20240229", "claude-3-5-sonnet-20240620"},
    {"gpt4", "Qwen1.5-72B-Chat"},
  };

  private static final double[] FRACTIONS = {0.1, 0.2, 0.5};

  private DriftScenarios() {}

  static List<Scenario> all(TrafficTexts texts) {
    List<TrafficText> assistant = new ArrayList<>();
    for (String model : ASSISTANT) {
      assistant.addAll(texts.source(model));
    }
    List<TrafficText> code = texts.source("code_alpaca_2k");
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(Scenario.stationary("assistant, 4 models pooled", assistant));
    scenarios.add(Scenario.stationary("code answers (code_alpaca_2k)", code));
    for (String[] swap : SWAPS) {
      scenarios.add(
          Scenario.modelSwap(
              swap[0] + ", disjoint prompts", texts.source(swap[0]), texts.source(swap[1]), 0));
    }
    for (double fraction : FRACTIONS) {
      scenarios.add(
          Scenario.mixture(
              percent(fraction) + " code answers in assistant traffic", assistant, code, fraction));
    }
    for (double fraction : FRACTIONS) {
      scenarios.add(
          Scenario.mixture(
              percent(fraction) + " llama-2-70b-chat answers in assistant traffic",
              assistant,
              texts.source("llama-2-70b-chat-hf"),
              fraction));
    }
    for (double fraction : FRACTIONS) {
      scenarios.add(
          Scenario.mixture(
              percent(fraction) + " gpt-4o-mini answers in assistant traffic",
              assistant,
              texts.source("gpt-4o-mini-2024-07-18"),
              fraction));
    }
    for (String other : OTHER_TRAFFIC) {
      scenarios.add(
          Scenario.mixture(
              "20% " + other + " answers in gpt-4o-2024-05-13 answers",
              texts.source("gpt-4o-2024-05-13"),
              texts.source(other),
              0.2));
    }
    for (String[] swap : SWAPS) {
      scenarios.add(
          Scenario.modelSwap(
              "model swap " + swap[0] + " -> " + swap[1],
              texts.source(swap[0]),
              texts.source(swap[1]),
              1));
    }
    for (double fraction : FRACTIONS) {
      scenarios.add(
          Scenario.modelSwap(
              percent(fraction) + " of prompts swapped gpt4 -> gpt4_1106_preview",
              texts.source("gpt4"),
              texts.source("gpt4_1106_preview"),
              fraction));
    }
    for (String[] swap : PARTIAL_SWAPS) {
      for (double fraction : new double[] {0.2, 0.5}) {
        scenarios.add(
            Scenario.modelSwap(
                percent(fraction) + " of prompts swapped " + swap[0] + " -> " + swap[1],
                texts.source(swap[0]),
                texts.source(swap[1]),
                fraction));
      }
    }
    int[] lengths =
        assistant.stream().mapToInt(text -> text.response().length()).sorted().toArray();
    int longCut = lengths[lengths.length * 3 / 4];
    int shortCut = lengths[lengths.length / 4];
    scenarios.add(
        Scenario.subset(
            "length: longest quarter of assistant answers (> " + longCut + " chars)",
            assistant,
            text -> text.response().length() > longCut));
    scenarios.add(
        Scenario.subset(
            "length: shortest quarter of assistant answers (< " + shortCut + " chars)",
            assistant,
            text -> text.response().length() < shortCut));
    scenarios.add(
        Scenario.subset(
            "task mix: only self-instruct prompts of assistant traffic",
            assistant,
            text -> text.category().equals("selfinstruct")));
    return scenarios;
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
