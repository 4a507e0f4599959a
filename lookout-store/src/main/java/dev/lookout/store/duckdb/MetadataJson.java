package dev.lookout.store.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** Conversion of a record's metadata map to and from the text of the JSON column. */
final class MetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP_TYPE = new TypeReference<>() {};

  private MetadataJson() {}

  /** Returns a JSON object with sorted keys, or null for an empty map so no row stores "{}". */
  static String write(Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(metadata));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Writing a map of strings as JSON failed: " + metadata, e);
    }
  }

  /** Returns the map stored as JSON text; null reads as an empty map. */
  static Map<String, String> read(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, MAP_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid metadata JSON in the calls table, expected an object of strings: " + json, e);
    }
  }
}
