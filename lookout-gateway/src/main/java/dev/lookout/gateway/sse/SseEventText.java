package dev.lookout.gateway.sse;

import java.util.function.UnaryOperator;

/**
 * The text of one server-sent event, as {@link SseBoundaries} cuts it, split into its data and its
 * other lines, so a filter can rewrite the data and write the event back.
 *
 * <p>Data is read by the SSE rules: every {@code data} line counts, one space after the colon is
 * dropped, and the lines join with {@code \n}. So {@code "data: {\"a\":\ndata: 1}\n\n"} has the
 * data {@code "{\"a\":\n1}"}. {@link #withData} writes the new data as one {@code data:} line in
 * place of the first and drops the others; every other line, the blank line that ends the event
 * included, is kept byte for byte.
 */
public final class SseEventText {
  private final String before;
  private final String data;
  private final String dataLineEnd;
  private final String after;

  private SseEventText(String before, String data, String dataLineEnd, String after) {
    this.before = before;
    this.data = data;
    this.dataLineEnd = dataLineEnd;
    this.after = after;
  }

  /** Splits {@code event}, whose lines may end in {@code \n}, {@code \r\n} or {@code \r}. */
  public static SseEventText parse(String event) {
    StringBuilder before = new StringBuilder();
    StringBuilder data = null;
    String dataLineEnd = "";
    StringBuilder after = new StringBuilder();
    int start = 0;
    while (start < event.length()) {
      int end = lineEnd(event, start);
      int next = end;
      if (next < event.length()) {
        next += event.startsWith("\r\n", end) ? 2 : 1;
      }
      if (isDataLine(event, start, end)) {
        if (data == null) {
          data = new StringBuilder();
          dataLineEnd = event.substring(end, next);
        } else {
          data.append('\n');
        }
        data.append(value(event, start, end));
      } else {
        (data == null ? before : after).append(event, start, next);
      }
      start = next;
    }
    return new SseEventText(
        before.toString(), data == null ? null : data.toString(), dataLineEnd, after.toString());
  }

  /**
   * Returns {@code event} with each line that is neither a data line nor blank replaced by {@code
   * mapping} of it, without its line end: the {@code id}, {@code event} and {@code retry} fields,
   * comments and fields a client ignores. Data lines and line ends are kept byte for byte. {@code
   * mapping} must not add a line break.
   */
  public static String mapOtherLines(String event, UnaryOperator<String> mapping) {
    StringBuilder out = new StringBuilder(event.length());
    int start = 0;
    while (start < event.length()) {
      int end = lineEnd(event, start);
      if (end == start || isDataLine(event, start, end)) {
        out.append(event, start, end);
      } else {
        out.append(mapping.apply(event.substring(start, end)));
      }
      int next = end;
      if (next < event.length()) {
        next += event.startsWith("\r\n", end) ? 2 : 1;
      }
      out.append(event, end, next);
      start = next;
    }
    return out.toString();
  }

  /** Returns the event's data, or null when it has no data line. */
  public String data() {
    return data;
  }

  /** Returns the event with {@code newData}, which must hold no line break, as its only data. */
  public String withData(String newData) {
    return before + "data: " + newData + dataLineEnd + after;
  }

  private static int lineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  private static boolean isDataLine(String text, int start, int end) {
    return text.startsWith("data", start)
        && (end == start + 4 || (end > start + 4 && text.charAt(start + 4) == ':'));
  }

  private static String value(String text, int start, int end) {
    int from = Math.min(end, start + 5);
    if (from < end && text.charAt(from) == ' ') {
      from++;
    }
    return text.substring(from, end);
  }
}
