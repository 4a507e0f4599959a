package dev.lookout.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file (UTF-8, one object per line), skipping blank lines. A byte-order mark at
 * the start, which some Windows editors write, is skipped.
 */
public final class JsonLines {
  private JsonLines() {}

  /** Parses one line; {@code number} is 1-based, for error messages. */
  @FunctionalInterface
  public interface LineParser<T> {
    T parse(String line, int number) throws IOException;
  }

  /**
   * Returns the parsed rows of every non-blank line of {@code file}.
   *
   * @throws IOException if the file cannot be read, or as {@code parser} throws
   */
  public static <T> List<T> read(Path file, LineParser<T> parser) throws IOException {
    List<T> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          rows.add(parser.parse(line, number));
        }
      }
    }
    return rows;
  }
}
