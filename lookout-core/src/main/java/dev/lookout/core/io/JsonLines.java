package dev.lookout.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
  private static final int CHUNK_BYTES = 8192;

  private JsonLines() {}

  /** Parses one line; {@code number} is 1-based, for error messages. */
  @FunctionalInterface
  public interface LineParser<T> {
    T parse(String line, int number) throws IOException;
  }

  /**
   * Returns the parsed rows of every non-blank line of {@code file}.
   *
   * @throws MalformedUtf8Exception if the file is not valid UTF-8, naming the line and byte
   * @throws IOException if the file cannot be read, or as {@code parser} throws
   */
  public static <T> List<T> read(Path file, LineParser<T> parser) throws IOException {
    List<T> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = readLine(reader, file)) != null) {
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

  private static String readLine(BufferedReader reader, Path file) throws IOException {
    try {
      return reader.readLine();
    } catch (CharacterCodingException e) {
      // The reader decodes ahead of the line it returns, so a second pass finds the line.
      MalformedUtf8Exception located = locateMalformed(file);
      if (located == null) {
        throw e;
      }
      located.initCause(e);
      throw located;
    }
  }

  /**
   * Returns the first invalid UTF-8 sequence of {@code file}, or null when there is none. Lines end
   * where {@link BufferedReader#readLine} ends them: at {@code \n}, {@code \r} or {@code \r\n}.
   */
  static MalformedUtf8Exception locateMalformed(Path file) throws IOException {
    CharsetDecoder decoder = StrictUtf8.decoder();
    ByteBuffer bytes = ByteBuffer.allocate(CHUNK_BYTES);
    CharBuffer chars = CharBuffer.allocate(CHUNK_BYTES);
    LineCounter lines = new LineCounter();
    long consumed = 0;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      while (true) {
        boolean end = channel.read(bytes) < 0;
        bytes.flip();
        CoderResult result;
        do {
          chars.clear();
          int start = bytes.position();
          result = decoder.decode(bytes, chars, end);
          lines.count(bytes, start, bytes.position());
        } while (result.isOverflow());
        if (result.isError()) {
          long offset = consumed + bytes.position();
          int value = bytes.get(bytes.position()) & 0xFF;
          return new MalformedUtf8Exception(file, lines.line(), offset, value, result.length());
        }
        if (end) {
          return null;
        }
        // Bytes of a sequence cut by the chunk's end stay for the next decode.
        consumed += bytes.position();
        bytes.compact();
      }
    }
  }

  /** Counts line ends in a stream of bytes, each of {@code \n}, {@code \r} and {@code \r\n}. */
  private static final class LineCounter {
    private int line = 1;
    private boolean afterCarriageReturn;

    void count(ByteBuffer bytes, int from, int to) {
      for (int i = from; i < to; i++) {
        byte value = bytes.get(i);
        if (value == '\n' && !afterCarriageReturn) {
          line++;
        } else if (value == '\r') {
          line++;
        }
        afterCarriageReturn = value == '\r';
      }
    }

    int line() {
      return line;
    }
  }
}
