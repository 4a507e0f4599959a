package dev.lookout.gateway.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the recorded response for a prompt: the record whose prompt equals the text exactly, or
 * else a record chosen by the prompt's hash, so the same prompt always gets the same response.
 */
final class ResponseCatalog {
  private final List<TrafficRecord> records;
  private final Map<String, TrafficRecord> byPrompt = new HashMap<>();
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
      }
    }
    this.models = List.copyOf(modelNames);
  }

  /** Returns the record for {@code prompt}; the first record with that exact prompt wins. */
  TrafficRecord find(String prompt) {
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
