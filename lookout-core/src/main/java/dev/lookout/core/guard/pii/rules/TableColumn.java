package dev.lookout.core.guard.pii.rules;

/**
 * The header of the table column that a position of a text falls in. In values pasted as CSV, TSV
 * or a Markdown table, the word that names a value ("ssn", "phone") is in the header line, not near
 * the value.
 *
 * <p>In the value list of an SQL INSERT statement, the column is the one its statement names in
 * that place ({@link SqlInsertColumns}).
 *
 * <p>A row is a line with at least two delimiters (comma, semicolon, tab or pipe, whichever the
 * line has most of). The header is the first of the lines above it, without a blank line between,
 * that have as many delimiters. Delimiters inside double quotes do not count.
 *
 * <p>An instance reads one text for one detect call on one thread: it keeps the row it read last.
 */
final class TableColumn {
  /** Lines read above a row to find its header, so that a long table costs little per value. */
  private static final int MAX_LINES_UP = 50;

  private static final String DELIMITERS = ",;\t|";

  /**
   * Delimiters a row needs: three columns, so that two lines of prose with a comma are no table.
   */
  private static final int MIN_DELIMITERS = 2;

  private static final int MAX_HEADER_CHARS = 40;

  /**
   * The table that one line of a text belongs to: its delimiter and the start of its header line,
   * or a delimiter of 0 when the line is no table row below a header.
   */
  private record Row(int lineStart, int lineEnd, char delimiter, int headerStart) {}

  private final String text;

  /** The columns of SQL INSERT statements, which name their values in a list of their own. */
  private final SqlInsertColumns sql;

  /**
   * The row of the last call, null before the first. A detector looks up many positions of one line
   * in turn, and reading the line and the lines above it again for each raised the PII detectors'
   * median on a 2 KB prompt by about a quarter.
   */
  private Row last;

  /**
   * How far the last row has been read for its column count: the position, the delimiters before it
   * and whether it is inside quotes. Detectors look up positions of a line in order, so each lookup
   * reads on from the last one, and a line of many values is read once, not once per value.
   */
  private int countedTo;

  private int counted;
  private boolean quoted;

  /** Creates the lookup for the positions of {@code text}. */
  TableColumn(String text) {
    this.text = text;
    this.sql = new SqlInsertColumns(text);
  }

  /**
   * Returns the header cell of the column that {@code position} falls in, without quotes, or an
   * empty string if the position is not in a table row below a header.
   */
  String header(int position) {
    String sqlColumn = sql.column(position);
    if (!sqlColumn.isEmpty()) {
      return sqlColumn;
    }
    Row row = last;
    if (row == null || position < row.lineStart() || position > row.lineEnd()) {
      row = row(text, text.lastIndexOf('\n', position - 1) + 1);
      last = row;
      countedTo = row.lineStart();
      counted = 0;
      quoted = false;
    }
    if (row.delimiter() == 0) {
      return "";
    }
    int column = column(row, position);
    String header =
        cell(text, row.headerStart(), lineEnd(text, row.headerStart()), row.delimiter(), column);
    // A header names its column in a few words. A longer cell is prose that happens to contain as
    // many commas as the line below it.
    return header.length() <= MAX_HEADER_CHARS ? header : "";
  }

  /** Counts the delimiters outside quotes in {@code [row.lineStart(), position)}. */
  private int column(Row row, int position) {
    if (position < countedTo) {
      countedTo = row.lineStart();
      counted = 0;
      quoted = false;
    }
    for (int i = countedTo; i < position; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == row.delimiter() && !quoted) {
        counted++;
      }
    }
    countedTo = position;
    return counted;
  }

  private static Row row(String text, int lineStart) {
    int lineEnd = lineEnd(text, lineStart);
    char delimiter = delimiterOf(text, lineStart, lineEnd);
    if (delimiter == 0) {
      return new Row(lineStart, lineEnd, (char) 0, -1);
    }
    int count = count(text, lineStart, lineEnd, delimiter);
    if (count < MIN_DELIMITERS) {
      return new Row(lineStart, lineEnd, (char) 0, -1);
    }
    int headerStart = -1;
    int start = lineStart;
    for (int lines = 0; lines < MAX_LINES_UP && start > 0; lines++) {
      int previousEnd = start - 1;
      int previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
      if (count(text, previousStart, previousEnd, delimiter) != count) {
        break;
      }
      headerStart = previousStart;
      start = previousStart;
    }
    return new Row(lineStart, lineEnd, headerStart < 0 ? 0 : delimiter, headerStart);
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  private static char delimiterOf(String text, int from, int to) {
    char best = 0;
    int most = 0;
    for (int i = 0; i < DELIMITERS.length(); i++) {
      char delimiter = DELIMITERS.charAt(i);
      int count = count(text, from, to, delimiter);
      if (count > most) {
        most = count;
        best = delimiter;
      }
    }
    return best;
  }

  /** Counts {@code delimiter} in {@code [from, to)} outside double quotes. */
  private static int count(String text, int from, int to, char delimiter) {
    int count = 0;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }

  private static String cell(String text, int from, int to, char delimiter, int column) {
    int index = 0;
    int cellStart = from;
    boolean quoted = false;
    for (int i = from; i <= to; i++) {
      char c = i < to ? text.charAt(i) : delimiter;
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        if (index == column) {
          return text.substring(cellStart, i).replace("\"", "").strip();
        }
        index++;
        cellStart = i + 1;
      }
    }
    return "";
  }
}
