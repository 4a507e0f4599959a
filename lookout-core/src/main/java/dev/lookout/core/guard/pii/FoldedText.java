package dev.lookout.core.guard.pii;

import dev.lookout.core.guard.Finding;

/**
 * A text with the characters that hide a value from the detectors folded to plain ASCII, and a map
 * from each folded position back to the original text. Invisible characters (zero-width spaces and
 * joiners, direction marks, the soft hyphen, the byte order mark, variation selectors and tag
 * characters) are dropped, so "4111\u200b1111..." reads as one card number. Other spaces become a
 * space, hyphens and dashes a minus ("123\u201345\u20136789"), full-width forms their ASCII letter,
 * digit or sign ("\uff11\uff12\uff13"), and decimal digits of other scripts ASCII digits. A finding
 * in the folded text maps back to the span of original characters it was read from, invisible
 * characters inside it included, so redaction covers them.
 */
final class FoldedText {
  private final String text;

  /** Original index of each char of {@link #text}. */
  private final int[] origin;

  private FoldedText(String text, int[] origin) {
    this.text = text;
    this.origin = origin;
  }

  /** Returns {@code text} folded, or null when no char of it folds. */
  static FoldedText of(String text) {
    int first = firstFolding(text);
    if (first < 0) {
      return null;
    }
    StringBuilder folded = new StringBuilder(text.length());
    int[] origin = new int[text.length()];
    folded.append(text, 0, first);
    for (int i = 0; i < first; i++) {
      origin[i] = i;
    }
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (invisible(c)) {
        continue;
      }
      if (invisibleSupplementary(text, i)) {
        i++;
        continue;
      }
      origin[folded.length()] = i;
      folded.append(fold(c));
    }
    return new FoldedText(folded.toString(), origin);
  }

  String text() {
    return text;
  }

  /** Returns {@code finding}, a span of the folded text, as a span of the original text. */
  Finding original(Finding finding) {
    int start = origin[finding.start()];
    int end = origin[finding.end() - 1] + 1;
    return new Finding(finding.type(), start, end, finding.score());
  }

  private static int firstFolding(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Every char that folds is above U+00A0, so plain ASCII text costs one compare per char.
      if (c >= '\u00a0' && (invisible(c) || fold(c) != c || invisibleSupplementary(text, i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether {@code c} shows nothing between two characters: a format character (zero-width
   * spaces and joiners, direction marks and overrides, the soft hyphen, the byte order mark), a
   * variation selector, the combining grapheme joiner or a Hangul filler.
   */
  private static boolean invisible(char c) {
    if (c < '\u00a0') {
      return false;
    }
    if (Character.getType(c) == Character.FORMAT || (c >= '\ufe00' && c <= '\ufe0f')) {
      return true;
    }
    return c == '\u034f' || c == '\u115f' || c == '\u1160' || c == '\u3164' || c == '\uffa0';
  }

  /** Returns whether a tag character or a supplementary variation selector starts at {@code i}. */
  private static boolean invisibleSupplementary(String text, int i) {
    if (!Character.isHighSurrogate(text.charAt(i)) || i + 1 >= text.length()) {
      return false;
    }
    int codePoint = text.codePointAt(i);
    return (codePoint >= 0xe0000 && codePoint <= 0xe007f)
        || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
  }

  private static char fold(char c) {
    if (c < '\u00a0') {
      return c;
    }
    switch (c) {
      case '\u00a0', '\u202f', '\u205f', '\u3000':
        return ' ';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63':
        return '-';
      case '\ufe6b':
        return '@';
      case '\u3002', '\uff61':
        return '.';
      default:
        break;
    }
    if (c >= '\u2000' && c <= '\u200a') {
      return ' ';
    }
    if (c >= '\uff01' && c <= '\uff5e') {
      return (char) (c - 0xfee0);
    }
    if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
      return (char) ('0' + Character.digit(c, 10));
    }
    return c;
  }
}
