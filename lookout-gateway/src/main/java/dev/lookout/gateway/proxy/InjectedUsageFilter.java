package dev.lookout.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Removes what {@code stream_options.include_usage} added to a stream whose client did not ask for
 * it, so the client sees the stream it requested: the final chunk that carries only usage ({@code
 * "choices": []}) is dropped, and the {@code "usage": null} field OpenAI then adds to every other
 * chunk is cut out. Everything else passes byte for byte, comments included.
 *
 * <p>Works on whole events: bytes are held until the blank line that ends an event arrives, so a
 * client sees each event at the same moment it would have without the filter, give or take the rest
 * of one network chunk.
 */
final class InjectedUsageFilter {
  private static final Pattern USAGE_ONLY_CHUNK = Pattern.compile("\"choices\"\\s*:\\s*\\[\\s*]");
  private static final Pattern USAGE_OBJECT = Pattern.compile("\"usage\"\\s*:\\s*\\{");
  private static final Pattern NULL_USAGE_BEFORE =
      Pattern.compile(",\\s*\"usage\"\\s*:\\s*null(?=\\s*[,}])");
  private static final Pattern NULL_USAGE_AFTER = Pattern.compile("\"usage\"\\s*:\\s*null\\s*,");

  private Buffer pending = Buffer.buffer();

  /** Returns the bytes of {@code chunk} that are ready for the client, filtered. */
  Buffer apply(Buffer chunk) {
    pending.appendBuffer(chunk);
    int end = lastEventEnd(pending);
    if (end < 0) {
      return Buffer.buffer();
    }
    String events = pending.getString(0, end, StandardCharsets.UTF_8.name());
    pending = pending.getBuffer(end, pending.length());
    return Buffer.buffer(filter(events));
  }

  /** Returns whatever is still held when the stream ends, filtered. */
  Buffer finish() {
    String rest = pending.toString(StandardCharsets.UTF_8);
    pending = Buffer.buffer();
    return Buffer.buffer(filter(rest));
  }

  static String filter(String events) {
    StringBuilder out = new StringBuilder(events.length());
    int start = 0;
    while (start < events.length()) {
      int end = eventEnd(events, start);
      String event = events.substring(start, end);
      if (!isUsageOnly(event)) {
        out.append(stripNullUsage(event));
      }
      start = end;
    }
    return out.toString();
  }

  private static boolean isUsageOnly(String event) {
    return event.contains("data:")
        && USAGE_ONLY_CHUNK.matcher(event).find()
        && USAGE_OBJECT.matcher(event).find();
  }

  private static String stripNullUsage(String event) {
    if (!event.contains("\"usage\"")) {
      return event;
    }
    String stripped = NULL_USAGE_BEFORE.matcher(event).replaceAll("");
    return NULL_USAGE_AFTER.matcher(stripped).replaceAll("");
  }

  /** Returns the index just past the blank line ending the event at {@code start}. */
  private static int eventEnd(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      int separator = separatorLength(text, i);
      if (separator > 0) {
        return i + separator;
      }
    }
    return text.length();
  }

  private static int separatorLength(String text, int i) {
    if (text.startsWith("\r\n\r\n", i)) {
      return 4;
    }
    if (text.startsWith("\n\n", i) || text.startsWith("\r\r", i)) {
      return 2;
    }
    return 0;
  }

  /** Returns the byte index just past the last complete event in {@code buffer}, or -1. */
  private static int lastEventEnd(Buffer buffer) {
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
