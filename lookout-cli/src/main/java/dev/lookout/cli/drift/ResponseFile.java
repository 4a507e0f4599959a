package dev.lookout.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JSON-lines file of responses: one object per line with the text in {@code response} or, when
 * that is missing, in {@code text}. An optional {@code model} field names the model.
 */
final class ResponseFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One line of the file.
   *
   * @param text the response text
   * @param model the line's {@code model} field, or null
   */
  record Row(String text, String model) {}

  private ResponseFile() {}

  /**
   * Reads every non-blank line.
   *
   * @throws IllegalArgumentException naming the file and line when it is missing, unreadable or a
   *     line has neither field
   */
  static List<Row> read(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          option + " file " + file.toAbsolutePath() + " does not exist; pass a JSON-lines file");
    }
    try {
      return JsonLines.read(
          file,
          (line, number) -> {
            JsonNode row = JSON.readTree(line);
            JsonNode text =
                row.path("response").isTextual() ? row.get("response") : row.path("text");
            if (!text.isTextual()) {
              throw new IllegalArgumentException(
                  file
                      + " line "
                      + number
                      + " has no string field \"response\" or \"text\"; put each response text"
                      + " in one of them");
            }
            String model = row.path("model").isTextual() ? row.get("model").asText() : null;
            return new Row(text.asText(), model);
          });
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Reading " + option + " file " + file + " failed: " + e.getMessage(), e);
    }
  }

  static List<String> texts(List<Row> rows) {
    return rows.stream().map(Row::text).toList();
  }
}
