package dev.lookout.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.input.InputFile;
import dev.lookout.core.drift.VisibleText;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
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

  /**
   * The usable lines of a file.
   *
   * @param rows lines whose text is not blank, in file order
   * @param blank lines whose text has no visible character, left out because the gateway samples
   *     only responses with text
   */
  record Contents(List<Row> rows, int blank) {
    List<String> texts() {
      return rows.stream().map(Row::text).toList();
    }

    /** Prints to {@code err} how many blank responses were left out, when any were. */
    void reportBlank(String option, Path file, PrintWriter err) {
      if (blank > 0) {
        err.println(
            "lookout: left out "
                + blank
                + " blank response"
                + (blank == 1 ? "" : "s")
                + " of "
                + option
                + " file "
                + file);
      }
    }
  }

  private ResponseFile() {}

  /**
   * Reads every non-blank line and keeps those whose text is not blank.
   *
   * @throws IllegalArgumentException naming the file and line when it is missing, unreadable or a
   *     line has neither field
   */
  static Contents read(String option, Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          option + " file " + file.toAbsolutePath() + " does not exist; pass a JSON-lines file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          option + " " + file.toAbsolutePath() + " is not a regular file; pass a JSON-lines file");
    }
    List<Row> rows;
    try {
      rows =
          JsonLines.read(
              file,
              (line, number) -> {
                JsonNode row;
                try {
                  row = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                  throw new IllegalArgumentException(
                      file
                          + " line "
                          + number
                          + " is not valid JSON ("
                          + e.getOriginalMessage()
                          + "); write one JSON object per line, such as {\"response\": \"...\"}");
                }
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
      throw InputFile.readFailed(option, file, e);
    }
    List<Row> visible = rows.stream().filter(row -> !VisibleText.isBlank(row.text())).toList();
    return new Contents(visible, rows.size() - visible.size());
  }
}
