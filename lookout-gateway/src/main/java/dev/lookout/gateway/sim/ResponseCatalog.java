package dev.lookout.gateway.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the recorded response for a prompt and model: the record with that exact prompt and model,
 * else the first record with that exact prompt, else a record chosen by the prompt's hash, so the
 * same request always gets the same response. A traffic file that records several models' answers
 * to one prompt thus answers each model with its own.
 */
final class ResponseCatalog {
  private final List<TrafficRecord> records;
  private final Map<String, TrafficRecord> byPrompt = new HashMap<>();
  private final Map<String, Map<String, TrafficRecord>> byPromptAndModel = new HashMap<>();
  private final List<String> models;

  ResponseCatalog(List<TrafficRecord> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException(
          "records is empty: the simulator needs at least one prompt/response record");
    }
    this.records = List.copyOf(records);
    TreeSet<String> modelNames = new TreeSet<>();
    for (TrafficRecord record : this.records) {
      byPrompt.putIfAbsent(record.prompt(), record);
      if (record.model() != null && !record.model().isBlank()) {
        modelNames.add(record.model());
        byPromptAndModel
            .computeIfAbsent(record.prompt(), prompt -> new HashMap<>())
            .putIfAbsent(record.model(), record);
      }
    }
    this.models = List.copyOf(modelNames);
  }

  /**
   * Returns the record for {@code prompt} and {@code model}; among records with the same prompt and
   * model, or with the same prompt and no record for the model, the first one wins.
   */
  TrafficRecord find(String prompt, String model) {
    Map<String, TrafficRecord> models = byPromptAndModel.get(prompt);
    TrafficRecord ownAnswer = models == null ? null : models.get(model);
    if (ownAnswer != null) {
      return ownAnswer;
    }
    TrafficRecord exact = byPrompt.get(prompt);
    if (exact != null) {
      return exact;
    }
    // String.hashCode is specified by the Java language, so the pick is stable across runs.
    return records.get(Math.floorMod(prompt.hashCode(), records.size()));
  }

  /** Returns the distinct model names of the records, sorted. */
  List<String> models() {
    return models;
  }

  int size() {
    return records.size();
  }
}
