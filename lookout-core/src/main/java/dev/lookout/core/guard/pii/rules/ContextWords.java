package dev.lookout.core.guard.pii.rules;

import java.util.List;
import java.util.Locale;

/**
 * Words near a candidate span that make it more or less likely to be what its pattern suggests, for
 * example "card" before a 16-digit number or "order" before one. Matching is case-insensitive and
 * looks only at a fixed window of characters on each side of the span.
 */
public final class ContextWords {
  private final List<String> words;
  private final int before;
  private final int after;

  /**
   * Creates a matcher for {@code words} (lower case) within {@code before} characters before a span
   * and {@code after} characters after it.
   */
  public ContextWords(List<String> words, int before, int after) {
    this.words = List.copyOf(words);
    this.before = before;
    this.after = after;
  }

  /** Returns whether one of the words occurs in the window around {@code [start, end)}. */
  public boolean near(String text, int start, int end) {
    int from = Math.max(0, start - before);
    int to = Math.min(text.length(), end + after);
    String window =
        (text.substring(from, start) + " " + text.substring(end, to)).toLowerCase(Locale.ROOT);
    for (String word : words) {
      if (window.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
