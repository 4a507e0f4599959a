package dev.lookout.gateway.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits response text into the small pieces a stream sends, about one token each: a run of
 * whitespace with the word after it, and long words cut into parts of at most {@value
 * #MAX_PIECE_CHARS} chars. Concatenating the pieces returns the original text exactly.
 */
final class TextPieces {
  /** Maximum piece length in chars. BPE tokens of English text average about 4 chars. */
  static final int MAX_PIECE_CHARS = 12;

  private TextPieces() {}

  static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = start;
      while (end < length && Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      while (end < length && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      addCut(pieces, text, start, end);
      start = end;
    }
    return pieces;
  }

  /**
   * Adds {@code text[start, end)} in parts of at most MAX_PIECE_CHARS, keeping surrogate pairs
   * whole.
   */
  private static void addCut(List<String> pieces, String text, int start, int end) {
    int from = start;
    while (end - from > MAX_PIECE_CHARS) {
      int to = from + MAX_PIECE_CHARS;
      if (Character.isHighSurrogate(text.charAt(to - 1))) {
        to--;
      }
      pieces.add(text.substring(from, to));
      from = to;
    }
    pieces.add(text.substring(from, end));
  }
}
