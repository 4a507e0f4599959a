package dev.lookout.core.guard.pii.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column that a position of a text falls in when the text is an SQL dump: in {@code INSERT INTO
 * customers (id, phone, ssn) VALUES (1, '555-0100', '078-05-1120'), ...} the value at a position is
 * named by the column list of its statement, not by a header line above it.
 *
 * <p>Values are counted by the commas between them at the first depth of brackets, outside strings
 * in single or double quotes, where a backslash escapes the next char as MySQL writes it. A quote
 * between two digits groups the digits of a number ("19'380.52") and opens no string. Between rows
 * only commas and white space may come: anything else, such as a semicolon, an ON CONFLICT clause
 * or prose after a statement without one, ends the statement. So does a line break inside a string,
 * which dumps write as an escape: the string was misread. An instance reads one text for one detect
 * call on one thread, and reads on from its last position when positions come in order.
 */
final class SqlInsertColumns {
  /**
   * The head of an INSERT with a column list, up to the VALUES keyword. The list has no brackets,
   * so a column list with a function call is not read.
   */
  private static final Pattern INSERT_HEAD =
      Pattern.compile(
          "\\binsert\\s+into\\s+[^\\s(]{1,200}\\s*\\(([^()]{1,4000})\\)\\s*values\\b",
          Pattern.CASE_INSENSITIVE);

  /** Chars stripped from each column name: spaces and the quotes of SQL identifiers. */
  private static final String NAME_QUOTES = "`\"[] \t\r\n";

  /** One INSERT head: where its values start and its column names. */
  private record Statement(int valuesStart, List<String> columns) {}

  private final String text;

  /** The statements of the text, read on the first lookup; null before it. */
  private List<Statement> statements;

  /** The statement read last, and how far: position, bracket depth, quoting, value index. */
  private Statement scanned;

  private int scannedTo;
  private int depth;

  /** The quote char of the string being read, or 0 outside strings. */
  private char quote;

  private int value;
  private boolean ended;

  /** Creates the lookup for the positions of {@code text}. */
  SqlInsertColumns(String text) {
    this.text = text;
  }

  /**
   * Returns the name of the column of the value at {@code position}, or an empty string when the
   * position is in no value list of an INSERT statement.
   */
  String column(int position) {
    if (statements == null) {
      statements = read(text);
    }
    Statement statement = lastBefore(position);
    if (statement == null) {
      return "";
    }
    if (statement != scanned || position < scannedTo) {
      scanned = statement;
      scannedTo = statement.valuesStart();
      depth = 0;
      quote = 0;
      value = 0;
      ended = false;
    }
    scanTo(position);
    if (ended || depth != 1 || value >= statement.columns().size()) {
      return "";
    }
    return statement.columns().get(value);
  }

  private void scanTo(int position) {
    int i = scannedTo;
    while (i < position && !ended) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          // MySQL escapes a quote inside a string with a backslash: 'O\'Neil'.
          i++;
        } else if (c == quote) {
          // A doubled quote inside a string turns quoting off and on again.
          quote = 0;
        } else if (c == '\n') {
          // Dumps write line breaks in strings as escapes, so a string that runs over a line
          // was misread: an unescaped quote ("'Bob's'") or a backslash PostgreSQL keeps ('C:\').
          ended = true;
        }
      } else if ((c == '\'' || c == '"') && !betweenDigits(i)) {
        quote = c;
      } else if (c == '(') {
        depth++;
        if (depth == 1) {
          value = 0;
        }
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 1) {
        value++;
      } else if (depth <= 0 && c != ',' && !Character.isWhitespace(c)) {
        // Between rows only commas and spaces come, so a semicolon, a clause such as ON CONFLICT or
        // prose after the last row ends the statement.
        ended = true;
      }
      i++;
    }
    // An escape may have stepped past the position, and the next scan goes on after it.
    scannedTo = Math.max(i, position);
  }

  /** Returns the last statement whose values start at or before {@code position}, or null. */
  private Statement lastBefore(int position) {
    int low = 0;
    int high = statements.size() - 1;
    Statement found = null;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Statement candidate = statements.get(middle);
      if (candidate.valuesStart() <= position) {
        found = candidate;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** Returns whether digits come on both sides of {@code at}, as around "'" in "19'380.52". */
  private boolean betweenDigits(int at) {
    return at > 0
        && at + 1 < text.length()
        && Character.isDigit(text.charAt(at - 1))
        && Character.isDigit(text.charAt(at + 1));
  }

  private static List<Statement> read(String text) {
    if (!mentionsInsert(text)) {
      return List.of();
    }
    List<Statement> found = new ArrayList<>();
    Matcher head = INSERT_HEAD.matcher(text);
    while (head.find()) {
      List<String> columns = new ArrayList<>();
      for (String name : head.group(1).split(",", -1)) {
        columns.add(strip(name));
      }
      found.add(new Statement(head.end(), List.copyOf(columns)));
    }
    return found;
  }

  /**
   * Returns whether "insert" occurs as SQL writes it, a cheap test before the pattern: most texts
   * contain none, and {@link String#indexOf(String)} scans fast.
   */
  private static boolean mentionsInsert(String text) {
    return text.indexOf("INSERT") >= 0
        || text.indexOf("insert") >= 0
        || text.indexOf("Insert") >= 0;
  }

  private static String strip(String name) {
    int from = 0;
    int to = name.length();
    while (from < to && NAME_QUOTES.indexOf(name.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && NAME_QUOTES.indexOf(name.charAt(to - 1)) >= 0) {
      to--;
    }
    return name.substring(from, to);
  }
}
