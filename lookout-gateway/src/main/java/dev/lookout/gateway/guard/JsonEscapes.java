package dev.lookout.gateway.guard;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.GuardOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text with its escape sequences decoded, for detectors to read: a model may write {@code
 * ann\\u0040corp.com} or {@code j\\u00fcrgen} in a tool call's arguments, which a JSON parser turns
 * into the plain value but a detector reading the raw text misses. Findings in the decoded text map
 * back to spans of the raw text that start and end at whole escape sequences.
 *
 * @param text the decoded text; a backslash that starts no complete escape sequence stays as it is
 * @param rawIndex for each char of {@code text}, where it starts in the raw text, and at {@code
 *     text.length()} the raw text's length
 */
record JsonEscapes(String text, int[] rawIndex) {
  /** Returns the decoded view of {@code raw}, or null when {@code raw} has no backslash. */
  static JsonEscapes decode(String raw) {
    if (raw.indexOf('\\') < 0) {
      return null;
    }
    StringBuilder text = new StringBuilder(raw.length());
    int[] rawIndex = new int[raw.length() + 1];
    int at = 0;
    while (at < raw.length()) {
      rawIndex[text.length()] = at;
      char c = raw.charAt(at);
      int length = c == '\\' ? escapeLength(raw, at) : 1;
      text.append(length == 1 ? c : decodeEscape(raw, at));
      at += length;
    }
    rawIndex[text.length()] = raw.length();
    int[] trimmed = new int[text.length() + 1];
    System.arraycopy(rawIndex, 0, trimmed, 0, trimmed.length);
    return new JsonEscapes(text.toString(), trimmed);
  }

  /**
   * Returns the findings of {@code outcome}, a check of {@code decoded}'s text, as spans of the raw
   * text, or as they are when {@code decoded} is null because the raw text had no escape.
   */
  static List<Finding> rawFindings(GuardOutcome outcome, JsonEscapes decoded) {
    List<Finding> found = new ArrayList<>();
    outcome.verdicts().forEach(verdict -> found.addAll(verdict.findings()));
    return decoded == null ? found : decoded.toRaw(found);
  }

  /** Returns {@code findings}, spans of {@link #text}, as spans of the raw text. */
  List<Finding> toRaw(List<Finding> findings) {
    List<Finding> raw = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      raw.add(
          new Finding(
              finding.type(), rawIndex[finding.start()], rawIndex[finding.end()], finding.score()));
    }
    return raw;
  }

  /** Returns the length of the escape sequence at {@code at}, or 1 when none starts there. */
  private static int escapeLength(String raw, int at) {
    if (at + 1 >= raw.length()) {
      return 1;
    }
    char next = raw.charAt(at + 1);
    if (next == 'u') {
      if (at + 6 > raw.length()) {
        return 1;
      }
      for (int i = at + 2; i < at + 6; i++) {
        if (Character.digit(raw.charAt(i), 16) < 0) {
          return 1;
        }
      }
      return 6;
    }
    return "\"\\/bfnrt".indexOf(next) >= 0 ? 2 : 1;
  }

  private static char decodeEscape(String raw, int at) {
    char next = raw.charAt(at + 1);
    return switch (next) {
      case 'u' -> (char) Integer.parseInt(raw.substring(at + 2, at + 6), 16);
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> next;
    };
  }
}
