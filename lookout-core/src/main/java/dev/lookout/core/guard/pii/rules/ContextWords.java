package dev.lookout.core.guard.pii.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words near a candidate span that make it more or less likely to be what its pattern suggests, for
 * example "card" before a 16-digit number or "order" before one. Matching is case-insensitive and
 * looks only at a fixed window of characters on each side of the span.
 *
 * <p>A word matches only as a whole word, so that "ref" is not found in "refund" nor "tel" in
 * "hotel". A {@code *} at the end of a word lets the word go on ("order*" also matches "orders"),
 * and one at the start lets it be the end of a longer word ("*phone" matches "telephone"). A space
 * in a word matches any run of white space.
 */
public final class ContextWords {
  private final Pattern pattern;

  /** The first space-separated part of each word, without its stars. */
  private final List<String> stems;

  private final int before;
  private final int after;

  /**
   * Creates a matcher for {@code words} (lower case, with the {@code *} marks described above)
   * within {@code before} characters before a span and {@code after} characters after it.
   */
  public ContextWords(List<String> words, int before, int after) {
    this.pattern = compile(words);
    this.stems = words.stream().map(word -> word.replace("*", "").split(" ")[0]).toList();
    this.before = before;
    this.after = after;
  }

  /** Returns whether one of the words occurs in the window around {@code [start, end)}. */
  public boolean near(String text, int start, int end) {
    int from = Math.max(0, start - before);
    int to = Math.min(text.length(), end + after);
    // A plain substring test rules out most windows at a fraction of the pattern's cost.
    String window =
        (text.substring(from, start) + " " + text.substring(end, to)).toLowerCase(Locale.ROOT);
    if (stems.stream().noneMatch(window::contains)) {
      return false;
    }
    Matcher matcher = pattern.matcher(text);
    // Transparent bounds let the word-boundary checks see the letters just outside the window, so
    // a window that starts inside "hotel" does not find "tel".
    matcher.useTransparentBounds(true);
    if (matcher.region(from, start).find()) {
      return true;
    }
    return matcher.region(end, to).find();
  }

  private static Pattern compile(List<String> words) {
    StringBuilder alternatives = new StringBuilder();
    for (String word : words) {
      boolean openStart = word.startsWith("*");
      boolean openEnd = word.endsWith("*") && word.length() > 1;
      String core = word.substring(openStart ? 1 : 0, openEnd ? word.length() - 1 : word.length());
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      alternatives.append(openStart ? "" : "(?<!\\p{L})");
      String[] parts = core.split(" ", -1);
      for (int i = 0; i < parts.length; i++) {
        alternatives.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
      }
      alternatives.append(openEnd ? "" : "(?!\\p{L})");
    }
    return Pattern.compile(
        "(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
