package dev.lookout.gateway.sse;

import io.vertx.core.buffer.Buffer;

/**
 * Finds where server-sent events end: at a blank line, written as two line ends of any of the three
 * kinds ({@code \n}, {@code \r\n}, {@code \r}). Used by the filters that rewrite a stream one whole
 * event at a time.
 */
public final class SseBoundaries {
  private SseBoundaries() {}

  /** Returns the index just past the blank line that ends the event at {@code start}. */
  public static int eventEnd(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (text.startsWith("\r\n\r\n", i)) {
        return i + 4;
      }
      if (text.startsWith("\n\n", i) || text.startsWith("\r\r", i)) {
        return i + 2;
      }
    }
    return text.length();
  }

  /** Returns the byte index just past the last complete event in {@code buffer}, or -1. */
  public static int lastEventEnd(Buffer buffer) {
    for (int i = buffer.length() - 2; i >= 0; i--) {
      byte first = buffer.getByte(i);
      byte second = buffer.getByte(i + 1);
      if ((first == '\n' && second == '\n') || (first == '\r' && second == '\r')) {
        return i + 2;
      }
      if (first == '\n'
          && second == '\r'
          && i + 2 < buffer.length()
          && buffer.getByte(i + 2) == '\n') {
        return i + 3;
      }
    }
    return -1;
  }
}
