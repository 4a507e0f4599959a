package dev.lookout.core.io;

import java.nio.charset.MalformedInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file that is not valid UTF-8, with the place of its first invalid byte: for example {@code
 * b.jsonl is not valid UTF-8 (line 1, byte offset 12: 0xE9); the file must be UTF-8}.
 */
public final class MalformedUtf8Exception extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final long offset;
  private final int value;

  /**
   * Creates the exception.
   *
   * @param file the file read
   * @param line the 1-based line of the invalid byte
   * @param offset the 0-based offset of the invalid byte from the start of the file
   * @param value the invalid byte, 0 to 255
   * @param length the number of bytes of the invalid sequence
   */
  public MalformedUtf8Exception(Path file, int line, long offset, int value, int length) {
    super(length);
    this.file = file;
    this.line = line;
    this.offset = offset;
    this.value = value;
  }

  /** Returns the place of the invalid byte, such as {@code line 1, byte offset 12: 0xE9}. */
  public String location() {
    return String.format(Locale.ROOT, "line %d, byte offset %d: 0x%02X", line, offset, value);
  }

  /** Returns the 1-based line of the invalid byte. */
  public int line() {
    return line;
  }

  /** Returns the 0-based offset of the invalid byte from the start of the file. */
  public long offset() {
    return offset;
  }

  @Override
  public String getMessage() {
    return file + " is not valid UTF-8 (" + location() + "); the file must be UTF-8";
  }
}
