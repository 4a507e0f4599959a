package dev.lookout.bench.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The responses of the traffic data set, grouped by source file. */
final class TrafficTexts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<TrafficText> all = new ArrayList<>();
  private final Map<String, List<TrafficText>> bySource = new LinkedHashMap<>();

  /**
   * Reads {@code files} (paths relative to {@code folder}) in order.
   *
   * @throws IOException if a file cannot be read or a line is not a JSON object with a response
   */
  static TrafficTexts read(Path folder, List<String> files) throws IOException {
    TrafficTexts texts = new TrafficTexts();
    for (String name : files) {
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException(
            "Traffic file " + file + " is missing; pass the data folder with --traffic DIR");
      }
      String source = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
      List<JsonNode> rows = JsonLines.read(file, (line, number) -> JSON.readTree(line));
      for (JsonNode row : rows) {
        String response = row.path("response").asText("");
        if (response.isBlank()) {
          continue;
        }
        TrafficText text =
            new TrafficText(
                texts.all.size(),
                source,
                row.path("category").asText("none"),
                row.path("prompt").asText(""),
                response);
        texts.all.add(text);
        texts.bySource.computeIfAbsent(source, key -> new ArrayList<>()).add(text);
      }
    }
    return texts;
  }

  List<TrafficText> all() {
    return all;
  }

  /**
   * Returns the responses of one source file.
   *
   * @throws IllegalArgumentException if no file of that name was read
   */
  List<TrafficText> source(String name) {
    List<TrafficText> texts = bySource.get(name);
    if (texts == null) {
      throw new IllegalArgumentException(
          "No traffic source named " + name + "; read sources: " + bySource.keySet());
    }
    return texts;
  }

  /** Returns the indices of {@code texts}. */
  static int[] indices(List<TrafficText> texts) {
    int[] indices = new int[texts.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = texts.get(i).index();
    }
    return indices;
  }
}
