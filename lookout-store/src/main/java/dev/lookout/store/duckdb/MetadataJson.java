package dev.lookout.store.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
    // Written by hand rather than through the ObjectMapper, because the recorder calls this for
    // every stored record and the mapper's generator set-up showed in the recorder's profile.
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    StringBuilder json = new StringBuilder(64);
    json.append('{');
    for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"');
      encoder.quoteAsString(entry.getKey(), json);
      json.append("\":\"");
      encoder.quoteAsString(entry.getValue(), json);
      json.append('"');
    }
    return json.append('}').toString();
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
