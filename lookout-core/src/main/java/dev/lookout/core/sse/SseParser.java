package dev.lookout.core.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental parser of a {@code text/event-stream} body fed in arbitrary chunks, following the
 * WHATWG HTML "event stream interpretation" rules.
 *
 * <p>Lines end in {@code \n}, {@code \r\n} or {@code \r}, and a chunk may end anywhere: between a
 * {@code \r} and its {@code \n}, or inside a multi-byte UTF-8 sequence. Bytes of an unfinished line
 * are buffered and each line is decoded as UTF-8 only once it is whole. A blank line dispatches the
 * event built so far, unless its data buffer is empty. Comment lines (starting with {@code :}) are
 * counted and otherwise ignored, and so are {@code id:} and {@code retry:}.
 *
 * <p>For example, feeding {@code "event: ping\ndata: {\"a\":1}\n\n"} calls the listener once with
 * {@code SseEvent("ping", "{\"a\":1}")}.
 *
 * <p>Not thread-safe: one parser per stream, fed from one thread. The listener runs on the thread
 * that calls {@link #feed} or {@link #finish}.
 */
public final class SseParser {
  private static final int INITIAL_LINE_CAPACITY = 256;
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte COLON = ':';
  private static final byte SPACE = ' ';
  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Consumer<SseEvent> listener;

  /** Bytes of the line not yet ended by a line terminator. */
  private byte[] pending = new byte[INITIAL_LINE_CAPACITY];

  private int pendingLength;

  /** Whether the last byte seen was a CR, so that a LF right after it ends no second line. */
  private boolean afterCr;

  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventType;
  private int commentLines;

  /** Creates a parser that passes each dispatched event to {@code listener}. */
  public SseParser(Consumer<SseEvent> listener) {
    if (listener == null) {
      throw new IllegalArgumentException("SseParser listener must not be null");
    }
    this.listener = listener;
  }

  /** Parses the next chunk of bytes as they arrived from the network (UTF-8). */
  public void feed(byte[] chunk) {
    int length = chunk.length;
    if (length == 0) {
      return;
    }
    int start = 0;
    if (afterCr && length > 0 && chunk[0] == LF) {
      start = 1;
    }
    afterCr = false;
    int lineStart = start;
    for (int i = start; i < length; i++) {
      byte b = chunk[i];
      if (b != CR && b != LF) {
        continue;
      }
      endLine(chunk, lineStart, i);
      if (b == CR) {
        if (i + 1 == length) {
          afterCr = true;
        } else if (chunk[i + 1] == LF) {
          i++;
        }
      }
      lineStart = i + 1;
    }
    if (lineStart < length) {
      appendPending(chunk, lineStart, length);
    }
  }

  /**
   * Ends the stream: parses a last line that had no line terminator and dispatches the event built
   * so far even without the closing blank line. The WHATWG rules discard such an event, but some
   * upstreams close the connection right after the last {@code data:} line, and its usage would
   * otherwise be lost.
   */
  public void finish() {
    if (pendingLength > 0) {
      int length = pendingLength;
      pendingLength = 0;
      processLine(pending, 0, length);
    }
    afterCr = false;
    dispatch();
  }

  /** Returns the number of comment lines (starting with ':') seen. */
  public int commentLines() {
    return commentLines;
  }

  private void endLine(byte[] chunk, int from, int to) {
    if (pendingLength == 0) {
      processLine(chunk, from, to);
      return;
    }
    appendPending(chunk, from, to);
    int length = pendingLength;
    pendingLength = 0;
    processLine(pending, 0, length);
  }

  private void appendPending(byte[] chunk, int from, int to) {
    int needed = pendingLength + (to - from);
    if (needed > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }
    System.arraycopy(chunk, from, pending, pendingLength, to - from);
    pendingLength = needed;
  }

  private void processLine(byte[] bytes, int from, int to) {
    if (firstLine) {
      firstLine = false;
      if (startsWith(bytes, from, to, UTF8_BOM)) {
        from += UTF8_BOM.length;
      }
    }
    if (from == to) {
      dispatch();
      return;
    }
    if (bytes[from] == COLON) {
      commentLines++;
      return;
    }
    int colon = indexOf(bytes, from, to, COLON);
    int nameEnd = colon < 0 ? to : colon;
    int valueStart = colon < 0 ? to : colon + 1;
    if (valueStart < to && bytes[valueStart] == SPACE) {
      valueStart++;
    }
    if (equals(bytes, from, nameEnd, DATA)) {
      if (hasData) {
        data.append('\n');
      }
      data.append(decode(bytes, valueStart, to));
      hasData = true;
    } else if (equals(bytes, from, nameEnd, EVENT)) {
      eventType = decode(bytes, valueStart, to);
    }
  }

  private void dispatch() {
    if (!hasData) {
      eventType = null;
      return;
    }
    String type = eventType == null || eventType.isEmpty() ? null : eventType;
    SseEvent event = new SseEvent(type, data.toString());
    data.setLength(0);
    hasData = false;
    eventType = null;
    listener.accept(event);
  }

  private static String decode(byte[] bytes, int from, int to) {
    return from == to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, int from, int to, byte target) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  private static boolean equals(byte[] bytes, int from, int to, byte[] expected) {
    return to - from == expected.length
        && Arrays.equals(bytes, from, to, expected, 0, expected.length);
  }

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    return to - from >= prefix.length
        && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }
}
