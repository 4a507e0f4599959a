package dev.lookout.core.guard.injection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * Reads the instruction of each prompt in {@code file}, a JSONL file of logged calls with a
   * {@code prompt} field (and an optional {@code source}), as a benign example: the prompt's text
   * up to its first blank line, where instruction data sets put the input the instruction is about.
   * Repeated instructions count once.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a line has no string field {@code prompt}, naming it
   */
  public static List<LabeledText> readInstructions(Path file) throws IOException {
    Set<String> seen = new HashSet<>();
    List<LabeledText> rows = new ArrayList<>();
    for (LabeledText row :
        JsonLines.read(file, (line, number) -> instruction(line, file, number))) {
      if (!row.text().isEmpty() && seen.add(row.text())) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static LabeledText instruction(String line, Path file, int number) {
    JsonNode node = node(line, file, number);
    JsonNode prompt = node.get("prompt");
    if (prompt == null || !prompt.isTextual()) {
      throw new IllegalArgumentException(file + ":" + number + ": missing string field \"prompt\"");
    }
    String text = prompt.textValue();
    int inputStart = text.indexOf("\n\n");
    String instruction = (inputStart < 0 ? text : text.substring(0, inputStart)).strip();
    return new LabeledText(instruction, false, node.path("source").asText("unknown"));
  }

  private static JsonNode node(String line, Path file, int number) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ":" + number + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static LabeledText parse(String line, Path file, int number) {
    JsonNode node = node(line, file, number);
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
