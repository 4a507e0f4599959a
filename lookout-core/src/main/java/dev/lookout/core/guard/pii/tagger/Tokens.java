package dev.lookout.core.guard.pii.tagger;

import java.util.Arrays;

/**
 * The tokens of a text: maximal runs of letters and digits, and every other character that is not
 * white space as a token of its own. Offsets are Java {@code String} indexes, end-exclusive.
 */
final class Tokens {
  final String text;
  final int[] starts;
  final int[] ends;
  final int size;

  private Tokens(String text, int[] starts, int[] ends, int size) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  static Tokens of(String text) {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int size = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetterOrDigit(c)) {
        while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
      } else {
        i++;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size] = i;
      size++;
    }
    return new Tokens(text, starts, ends, size);
  }

  /** Returns whether a line break lies between token {@code i - 1} and token {@code i}. */
  boolean lineBreakBefore(int i) {
    int from = i == 0 ? 0 : ends[i - 1];
    for (int k = from; k < starts[i]; k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    return i == 0;
  }
}
