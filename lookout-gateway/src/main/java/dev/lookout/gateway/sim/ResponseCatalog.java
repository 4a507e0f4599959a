package dev.lookout.gateway.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Picks the recorded response for a prompt and model: the record with that exact prompt and the
 * model's answer (see {@link #ownAnswer}), else the first record with that exact prompt, else a
 * record chosen by the prompt's hash, so the same request always gets the same response. A traffic
 * file that records several models' answers to one prompt thus answers each model with its own.
 */
final class ResponseCatalog {
  /** The date suffix of a model snapshot: {@code 2024-07-18} or {@code 20240620}. */
  private static final Pattern SNAPSHOT_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{8}");

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
    TrafficRecord ownAnswer = models == null ? null : ownAnswer(models, model);
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

  /**
   * Returns the record of {@code model} among one prompt's records: the same name, else the same
   * name without a provider prefix ({@code azure/gpt-4o-mini}), else the one dated snapshot of that
   * name ({@code gpt-4o-mini} for {@code gpt-4o-mini-2024-07-18}); null when none or several match.
   */
  private static TrafficRecord ownAnswer(Map<String, TrafficRecord> models, String model) {
    TrafficRecord exact = models.get(model);
    if (exact != null) {
      return exact;
    }
    String name = model.substring(model.lastIndexOf('/') + 1);
    TrafficRecord unprefixed = models.get(name);
    if (unprefixed != null) {
      return unprefixed;
    }
    TrafficRecord snapshot = null;
    for (Map.Entry<String, TrafficRecord> entry : models.entrySet()) {
      String recorded = entry.getKey();
      if (recorded.startsWith(name + "-")
          && SNAPSHOT_DATE.matcher(recorded.substring(name.length() + 1)).matches()) {
        if (snapshot != null) {
          return null;
        }
        snapshot = entry.getValue();
      }
    }
    return snapshot;
  }

  /** Returns the distinct model names of the records, sorted. */
  List<String> models() {
    return models;
  }

  int size() {
    return records.size();
  }
}
