package dev.lookout.core.guard.injection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader of labelled JSONL files, one object per line: {@code {"text": str, "label": 0|1, "source":
 * str}}. The {@code source} field is optional and defaults to {@code unknown}.
 */
public final class InjectionDataset {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InjectionDataset() {}

  /**
   * Reads every non-blank line of {@code file}.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a line is not a valid example, naming the line number
   */
  public static List<LabeledText> read(Path file) throws IOException {
    return JsonLines.read(file, (line, number) -> parse(line, file, number));
  }

  private static LabeledText parse(String line, Path file, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ":" + number + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode text = node.get("text");
    JsonNode label = node.get("label");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException(file + ":" + number + ": missing string field \"text\"");
    }
    if (label == null || !label.isInt() || (label.intValue() != 0 && label.intValue() != 1)) {
      throw new IllegalArgumentException(
          file + ":" + number + ": field \"label\" must be 0 or 1, got " + label);
    }
    String source = node.path("source").asText("unknown");
    return new LabeledText(text.textValue(), label.intValue() == 1, source);
  }
}
