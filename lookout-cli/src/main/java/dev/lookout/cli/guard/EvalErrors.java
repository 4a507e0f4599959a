package dev.lookout.cli.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
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

  /**
   * Writes {@code rows} to {@code file} as JSON lines, replacing the file.
   *
   * @throws IllegalArgumentException if the file cannot be written
   */
  static void write(Path file, List<ObjectNode> rows) {
    // A text may hold a lone surrogate, which JSON can escape but UTF-8 cannot encode, so the file
    // gets a replacement character there rather than failing.
    CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Writer writer =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), utf8))) {
      for (ObjectNode row : rows) {
        writer.write(JSON.writeValueAsString(row));
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
