package dev.lookout.cli.input;

import dev.lookout.core.io.MalformedUtf8Exception;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns the ways an input file given on the command line can be wrong (missing, a folder, not
 * readable, not UTF-8) into one {@link IllegalArgumentException} that names the option, the file
 * and the fix, which the command line prints without a stack trace.
 */
public final class InputFile {
  private InputFile() {}

  /**
   * Checks that {@code file} is a regular file before it is read.
   *
   * @param option the option that named the file, such as {@code --users}
   * @param expected what the file should hold, such as {@code a file of user ids, one per line}
   * @throws IllegalArgumentException if it does not exist or is a folder
   */
  public static void requireFile(String option, Path file, String expected) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          option + " " + file.toAbsolutePath() + " is a folder; pass " + expected);
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          option + " " + file.toAbsolutePath() + " does not exist; pass " + expected);
    }
  }

  /**
   * Returns the user-facing error for {@code error}, raised while reading {@code file}.
   *
   * @param option the option that named the file
   */
  public static IllegalArgumentException readFailed(String option, Path file, IOException error) {
    String name = option + " " + file.toAbsolutePath();
    if (error instanceof MalformedUtf8Exception malformed) {
      return new IllegalArgumentException(
          name
              + " is not valid UTF-8 ("
              + malformed.location()
              + "); save it as UTF-8 and try again",
          error);
    }
    if (error instanceof CharacterCodingException) {
      return new IllegalArgumentException(
          name + " is not valid UTF-8; save it as UTF-8 and try again", error);
    }
    if (error instanceof NoSuchFileException) {
      return new IllegalArgumentException(name + " does not exist", error);
    }
    if (error instanceof AccessDeniedException) {
      return new IllegalArgumentException(
          name + " cannot be read (permission denied); check its permissions", error);
    }
    return new IllegalArgumentException("Cannot read " + name + ": " + error.getMessage(), error);
  }
}
