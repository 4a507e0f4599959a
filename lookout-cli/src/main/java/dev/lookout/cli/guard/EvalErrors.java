package dev.lookout.cli.guard;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --errors} file of {@code guard eval}: one JSON object per line for each row the guard
 * got wrong, so a user can read why a score or a span was off.
 */
final class EvalErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ObjectMapper ESCAPED =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private EvalErrors() {}

  /**
   * Checks before the evaluation runs that {@code file} can be written and is not the data file,
   * under this name or through a link.
   *
   * @throws IllegalArgumentException naming the file and the fix
   */
  static void requireWritable(Path file, Path data) {
    if (file.toString().equals("-")) {
      throw new IllegalArgumentException(
          "--errors - would write a file named '-', not standard output; pass a file name such"
              + " as errors.jsonl");
    }
    Path target = file.toAbsolutePath().normalize();
    if (target.equals(data.toAbsolutePath().normalize()) || isSameFile(target, data)) {
      throw new IllegalArgumentException(
          "--errors " + target + " is the --data file; pass another file name");
    }
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "--errors " + target + " is a folder; pass a file name such as errors.jsonl");
    }
    Path folder = target.getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "--errors " + target + ": folder " + folder + " does not exist; create it first");
    }
    Path written = Files.exists(target) || folder == null ? target : folder;
    if (!Files.isWritable(written)) {
      throw new IllegalArgumentException(
          "--errors "
              + target
              + " cannot be written (no write permission on "
              + written
              + "); pass a file in a folder you can write to");
    }
  }

  /** Returns whether {@code file} exists and is {@code data} through a link. */
  private static boolean isSameFile(Path file, Path data) {
    try {
      return Files.exists(file) && Files.exists(data) && Files.isSameFile(file, data);
    } catch (IOException e) {
      // A file that cannot be compared is checked again when it is written.
      return false;
    }
  }

  /** Returns whether {@code text} contains a surrogate that is not half of a pair. */
  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes {@code rows} to {@code file} as JSON lines, replacing the file.
   *
   * @throws IllegalArgumentException if the file cannot be written
   */
  static void write(Path file, List<ObjectNode> rows) {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ObjectNode row : rows) {
        String line = JSON.writeValueAsString(row);
        // A lone surrogate has no UTF-8 form, so such a row is written with its non-ASCII
        // characters as JSON escapes, which read back to the data's own text.
        writer.write(hasLoneSurrogate(line) ? ESCAPED.writeValueAsString(row) : line);
        writer.write('\n');
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--errors "
              + file.toAbsolutePath()
              + " cannot be written ("
              + e.getMessage()
              + "); pass a file in a folder you can write to",
          e);
    }
  }
}
