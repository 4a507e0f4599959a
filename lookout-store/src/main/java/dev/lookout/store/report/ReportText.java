package dev.lookout.store.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text forms of a {@link Report} for {@code lookout report}: an aligned table for people and CSV
 * (RFC 4180) for spreadsheets. Both end with a row whose key is {@code TOTAL}.
 */
public final class ReportText {
  /** Key of the total row. */
  public static final String TOTAL_KEY = "TOTAL";

  private static final String[] VALUE_HEADERS = {
    "calls",
    "errors",
    "input_tokens",
    "output_tokens",
    "cost_usd",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "unpriced_calls"
  };

  private ReportText() {}

  /**
   * Returns a table with a header row, one row per group and a TOTAL row. The key column is left
   * aligned, numbers right aligned. Latencies have one decimal place and {@code -} when unknown.
   */
  public static String table(Report report, GroupBy by) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header(by));
    for (ReportGroup group : report.groups()) {
      rows.add(cells(printable(group.key()), group, true));
    }
    rows.add(cells(TOTAL_KEY, report.total(), true));

    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i == 0) {
          out.append(pad(row[i], widths[i], false));
        } else {
          out.append("  ").append(pad(row[i], widths[i], true));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Returns CSV with a header line and CRLF line ends. Latencies keep full precision in plain
   * decimal notation and are empty when unknown.
   */
  public static String csv(Report report, GroupBy by) {
    StringBuilder out = new StringBuilder();
    appendCsvLine(out, header(by));
    for (ReportGroup group : report.groups()) {
      appendCsvLine(out, cells(group.key(), group, false));
    }
    appendCsvLine(out, cells(TOTAL_KEY, report.total(), false));
    return out.toString();
  }

  private static String[] header(GroupBy by) {
    String[] header = new String[VALUE_HEADERS.length + 1];
    header[0] = by.wireName();
    System.arraycopy(VALUE_HEADERS, 0, header, 1, VALUE_HEADERS.length);
    return header;
  }

  private static String[] cells(String key, ReportGroup group, boolean forTable) {
    return new String[] {
      key,
      Long.toString(group.calls()),
      Long.toString(group.errors()),
      Long.toString(group.inputTokens()),
      Long.toString(group.outputTokens()),
      CostFormat.plain(group.costUsd()),
      latency(group.p50Ms(), forTable),
      latency(group.p95Ms(), forTable),
      latency(group.p99Ms(), forTable),
      String.valueOf(group.unpricedCalls()),
    };
  }

  private static String latency(double millis, boolean forTable) {
    if (Double.isNaN(millis)) {
      return forTable ? "-" : "";
    }
    if (forTable) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    // Microseconds, as in the JSON report.
    return BigDecimal.valueOf(millis).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Returns {@code key} with control characters written as escapes ({@code \n}, {@code \t}, {@code
   * \u001b}), so that a user id with a line break or a terminal escape keeps its row.
   */
  static String printable(String key) {
    StringBuilder out = null;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(key.length() + 8).append(key, 0, i);
      }
      if (out == null) {
        continue;
      }
      if (!control) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out == null ? key : out.toString();
  }

  private static String pad(String value, int width, boolean right) {
    String padding = " ".repeat(width - value.length());
    return right ? padding + value : value + padding;
  }

  private static void appendCsvLine(StringBuilder out, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(csvField(cells[i]));
    }
    out.append("\r\n");
  }

  /** Quotes a field that contains a comma, a quote or a line break, doubling inner quotes. */
  private static String csvField(String value) {
    boolean needsQuotes =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
