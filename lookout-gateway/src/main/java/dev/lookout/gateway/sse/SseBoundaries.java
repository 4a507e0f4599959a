package dev.lookout.gateway.sse;

import io.vertx.core.buffer.Buffer;

/**
 * Finds where server-sent events end: at a blank line. Lines end in {@code \n}, {@code \r\n} or
 * {@code \r}, and the two line ends around a blank line may be of different kinds, so {@code "data:
 * a\n\r\n"} and {@code "data: a\r\n\r"} each end an event as a client reads them. Used by the
 * filters that rewrite a stream one whole event at a time.
 */
public final class SseBoundaries {
  private SseBoundaries() {}

  /**
   * Returns the index just past the blank line that ends the event at {@code start}, or the text's
   * length when none does.
   */
  public static int eventEnd(String text, int start) {
    boolean blank = true;
    int at = start;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != '\n' && c != '\r') {
        blank = false;
        at++;
        continue;
      }
      at += c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? 2 : 1;
      if (blank) {
        return at;
      }
      blank = true;
    }
    return text.length();
  }

  /**
   * Returns the byte index just past the last complete event in {@code buffer}, which starts where
   * a line starts, or -1. A {@code \r} that ends the buffer and a blank line is an end: a {@code
   * \n} after it arrives as a blank line of its own, which carries no event.
   */
  public static int lastEventEnd(Buffer buffer) {
    int last = -1;
    boolean blank = true;
    int length = buffer.length();
    int at = 0;
    while (at < length) {
      byte b = buffer.getByte(at);
      if (b != '\n' && b != '\r') {
        blank = false;
        at++;
        continue;
      }
      at += b == '\r' && at + 1 < length && buffer.getByte(at + 1) == '\n' ? 2 : 1;
      if (blank) {
        last = at;
      }
      blank = true;
    }
    return last;
  }
}
