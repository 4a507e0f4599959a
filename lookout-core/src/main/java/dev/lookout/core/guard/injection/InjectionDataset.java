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
 * str}}. The {@code source} field is optional and defaults to {@code unknown}. A label may also be
 * {@code true} or {@code false}, or one of those four as a string, as some data sets export it.
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
    Boolean injection = injection(label);
    if (injection == null) {
      throw new IllegalArgumentException(
          file
              + ":"
              + number
              + ": field \"label\" must be 0 or 1 (1 for an injection), got "
              + label);
    }
    String source = node.path("source").asText("unknown");
    return new LabeledText(text.textValue(), injection, source);
  }

  /** Returns whether {@code label} marks an injection, or null when it is no valid label. */
  private static Boolean injection(JsonNode label) {
    if (label == null) {
      return null;
    }
    String value = label.isTextual() ? label.textValue().trim() : label.toString();
    return switch (value) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> null;
    };
  }
}
