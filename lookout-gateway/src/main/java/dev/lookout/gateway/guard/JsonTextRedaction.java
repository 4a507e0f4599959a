package dev.lookout.gateway.guard;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces findings in JSON text, such as a tool call's arguments, so that the text stays valid
 * JSON: a replacement never covers a quote that opens or closes a string, and a value outside a
 * string (a card number written as a number) becomes a string. For example, with placeholders,
 * {@code {"to":"\nann@corp.com","card":4111111111111111}} becomes {@code
 * {"to":"\n[EMAIL]","card":"[CREDIT_CARD]"}}. Findings must start and end at whole escape
 * sequences, as those that {@link JsonEscapes#toRaw} maps back from the decoded text do: a
 * replacement covers the escape sequences inside a finding, so {@code ann\u0040corp.com} becomes
 * {@code [EMAIL]}.
 *
 * <p>The text may come in pieces, in order: one instance per JSON text keeps where the previous
 * piece ended (inside a string, inside an escape sequence). Not thread-safe.
 */
final class JsonTextRedaction {
  /** A character inside a string, escape sequences included, replaced in place. */
  private static final byte STRING = 0;

  /** A character of a number or literal outside a string, replaced by a quoted string. */
  private static final byte BARE = 1;

  /**
   * A quote that opens or closes a string, a separator or a space between values: never replaced.
   */
  private static final byte KEPT = 2;

  private boolean inString;

  /** Number of characters of the current escape sequence still to come, 0 outside one. */
  private int escapeLeft;

  private boolean afterBackslash;

  /**
   * Returns {@code text}, the next piece of the JSON text, with {@code findings} (spans in {@code
   * text}) replaced as {@code redactor} replaces them.
   */
  String redact(String text, List<Finding> findings, Guard redactor) {
    byte[] kinds = classify(text);
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparingInt(Finding::start));
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    for (Finding finding : ordered) {
      if (finding.start() < done || finding.end() > text.length()) {
        continue;
      }
      out.append(text, done, finding.start());
      int at = finding.start();
      while (at < finding.end()) {
        int runEnd = at + 1;
        while (runEnd < finding.end() && kinds[runEnd] == kinds[at]) {
          runEnd++;
        }
        out.append(replace(text.substring(at, runEnd), kinds[at], finding, redactor));
        at = runEnd;
      }
      done = finding.end();
    }
    return out.append(text, done, text.length()).toString();
  }

  /**
   * Returns whether a value found in JSON text may still grow past index {@code at} of {@code
   * text}: false at a quote that is not escaped, since no value spans the end of a string.
   */
  static boolean isBoundary(String text, int at) {
    return text.charAt(at) == '"' && (at == 0 || text.charAt(at - 1) != '\\');
  }

  private static String replace(String run, byte kind, Finding finding, Guard redactor) {
    if (kind == KEPT) {
      return run;
    }
    // The redactor receives the value as a JSON parser reads it, so a mask keeps its length and a
    // keyed hash matches the same value written without escapes.
    JsonEscapes decoded = kind == STRING ? JsonEscapes.decode(run) : null;
    String value = decoded == null ? run : decoded.text();
    String replacement =
        redactor.redact(
            value, List.of(new Finding(finding.type(), 0, value.length(), finding.score())));
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(replacement));
    return kind == STRING ? escaped : '"' + escaped + '"';
  }

  /** Returns the kind of each character of {@code text} and moves the state past it. */
  private byte[] classify(String text) {
    byte[] kinds = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escapeLeft > 0) {
        kinds[i] = STRING;
        escapeLeft = afterBackslash && c == 'u' ? 4 : escapeLeft - 1;
        afterBackslash = false;
      } else if (inString) {
        kinds[i] = c == '"' ? KEPT : STRING;
        inString = c != '"';
        if (c == '\\') {
          escapeLeft = 1;
          afterBackslash = true;
        }
      } else {
        kinds[i] = c == '"' || !isBareValueChar(c) ? KEPT : BARE;
        inString = c == '"';
      }
    }
    return kinds;
  }

  private static boolean isBareValueChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+';
  }
}
