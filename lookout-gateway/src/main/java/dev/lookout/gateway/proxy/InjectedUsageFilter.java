package dev.lookout.gateway.proxy;

import dev.lookout.gateway.sse.SseBoundaries;
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
    int end = SseBoundaries.lastEventEnd(pending);
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
      int end = SseBoundaries.eventEnd(events, start);
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
}
