package dev.lookout.core.guard.pii.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled PII texts from JSON lines, one object per line: {@code {"text": str, "entities":
 * [{"type": str, "start": int, "end": int}]}}. Offsets are Java {@code String} indexes,
 * end-exclusive; other fields are ignored.
 */
public final class PiiDataset {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PiiDataset() {}

  /**
   * Reads every non-blank line of {@code file}.
   *
   * @throws IOException if the file cannot be read, or a line is not valid JSON or has a span
   *     outside its text (the message names the line)
   */
  public static List<LabelledText> read(Path file) throws IOException {
    return JsonLines.read(file, (line, number) -> parse(line, file, number));
  }

  private static LabelledText parse(String line, Path file, int number) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IOException(
          "Invalid JSON at " + file + " line " + number + ": " + e.getMessage(), e);
    }
    String text = node.path("text").asText();
    List<Finding> entities = new ArrayList<>();
    for (JsonNode entity : node.path("entities")) {
      int start = entity.path("start").asInt(-1);
      int end = entity.path("end").asInt(-1);
      if (start < 0 || end < start || end > text.length()) {
        throw new IOException(
            "Invalid span [" + start + ", " + end + ") at " + file + " line " + number);
      }
      entities.add(new Finding(entity.path("type").asText(), start, end, 1.0));
    }
    return new LabelledText(text, entities);
  }
}
