package dev.lookout.core.guard.injection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reveals instructions hidden by letter-level tricks, so that the classifier can score them as it
 * scores a decoded base64 blob: letters spaced or dotted apart ({@code I g n o r e}), leetspeak
 * ({@code 1gn0r3}), the text written backwards, and ROT13. A view is returned only when it shows
 * one of {@link #KEYWORDS} that the text itself does not hold as a word (two for the backwards and
 * ROT13 views, which turn every text into a new one), so ordinary text costs a few scans and yields
 * nothing.
 */
final class ObfuscatedText {
  /** Words that injections use and that a revealed view must show. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "ignore",
          "disregard",
          "forget",
          "instructions",
          "previous",
          "prompt",
          "system",
          "password",
          "secret",
          "reveal",
          "rules",
          "jailbreak",
          "unrestricted",
          "override",
          "bypass");

  /**
   * Single letters joined by one to three separators, six or more in a row: {@code I g n o r e},
   * {@code i.g.n.o.r.e}, {@code p-r-o-m-p-t}.
   */
  private static final Pattern LETTER_RUN =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ .\\-_*/|]{1,3}\\p{L}(?![\\p{L}\\p{N}])){5,}");

  /**
   * The keywords most injections contain, searched for backwards or in ROT13 before a text is
   * reversed or rotated. They are fewer than {@link #KEYWORDS} because the search runs on every
   * window of every prompt.
   */
  private static final List<String> COMMON_KEYWORDS =
      List.of("ignore", "instructions", "previous", "prompt", "system", "password", "reveal");

  private static final List<String> REVERSED_KEYWORDS = transformed(true);
  private static final List<String> ROT13_KEYWORDS = transformed(false);

  private ObfuscatedText() {}

  /** Returns the revealed views of {@code raw}, at most four, or none for ordinary text. */
  static List<String> reveal(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    List<String> views = new ArrayList<>(1);
    Set<String> words = null;
    String[] candidates = {
      hasLetterRun(lower) ? joinLetterRuns(lower) : null,
      hasLeetNextToLetter(lower) ? decodeLeet(lower) : null,
      containsTwo(lower, REVERSED_KEYWORDS) ? new StringBuilder(lower).reverse().toString() : null,
      containsTwo(lower, ROT13_KEYWORDS) ? rot13(lower) : null
    };
    for (int k = 0; k < candidates.length; k++) {
      if (candidates[k] == null) {
        continue;
      }
      if (words == null) {
        words = new HashSet<>(words(lower));
      }
      addIfRevealing(candidates[k], words, k < 2 ? 1 : 2, views);
    }
    return views;
  }

  private static List<String> transformed(boolean reversed) {
    List<String> out = new ArrayList<>(COMMON_KEYWORDS.size());
    for (String keyword : COMMON_KEYWORDS) {
      out.add(reversed ? new StringBuilder(keyword).reverse().toString() : rot13(keyword));
    }
    return out;
  }

  private static boolean containsTwo(String text, List<String> needles) {
    int found = 0;
    for (String needle : needles) {
      if (text.contains(needle) && ++found == 2) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@link #LETTER_RUN} may match: three single letters, one separator apart. */
  private static boolean hasLetterRun(String text) {
    for (int i = 0; i + 4 < text.length(); i++) {
      // Separators are rarer than letters, so they are tested first.
      if (isSeparator(text.charAt(i + 1))
          && isSeparator(text.charAt(i + 3))
          && Character.isLetter(text.charAt(i))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && Character.isLetter(text.charAt(i + 2))
          && Character.isLetter(text.charAt(i + 4))) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether a leet character is right before or after a letter in {@code text}. */
  private static boolean hasLeetNextToLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Leetspeak.isLeet(text.charAt(i))
          && (i > 0 && Character.isLetter(text.charAt(i - 1))
              || i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '/' || c == '|';
  }

  private static void addIfRevealing(String view, Set<String> words, int needed, List<String> out) {
    int revealedKeywords = 0;
    for (String word : new HashSet<>(words(view))) {
      if (KEYWORDS.contains(word) && !words.contains(word)) {
        revealedKeywords++;
      }
    }
    if (revealedKeywords >= needed) {
      out.add(view);
    }
  }

  /**
   * Returns {@code text} with each run of spaced letters joined into words, or null when it has no
   * such run. Within a run the most common separator joins letters and any other separator marks a
   * word break: {@code I g n o r e a l l} reads {@code ignore all}.
   */
  static String joinLetterRuns(String text) {
    Matcher matcher = LETTER_RUN.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (matcher.find()) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, matcher.start()).append(joinRun(matcher.group()));
      last = matcher.end();
    }
    return out == null ? null : out.append(text, last, text.length()).toString();
  }

  private static String joinRun(String run) {
    List<String> gaps = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    int i = 0;
    while (i < run.length()) {
      letters.append(run.charAt(i++));
      int start = i;
      while (i < run.length() && !Character.isLetter(run.charAt(i))) {
        i++;
      }
      if (i > start) {
        gaps.add(run.substring(start, i));
      }
    }
    String joiner = mostCommon(gaps);
    StringBuilder out = new StringBuilder(run.length());
    for (int k = 0; k < letters.length(); k++) {
      out.append(letters.charAt(k));
      if (k < gaps.size() && !gaps.get(k).equals(joiner)) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private static String mostCommon(List<String> values) {
    String best = null;
    int bestCount = 0;
    for (String value : values) {
      int count = 0;
      for (String other : values) {
        count += other.equals(value) ? 1 : 0;
      }
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }

  /** Returns {@code text} with its leet words decoded, or null when it has none. */
  static String decodeLeet(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String decoded = hasLeetChar(text, start, i) ? Leetspeak.decode(text, start, i) : null;
      if (decoded != null && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, start);
      }
      if (out != null) {
        out.append(decoded != null ? decoded : text.substring(start, i));
      }
      int spaces = i;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (out != null) {
        out.append(text, spaces, i);
      }
    }
    return out == null ? null : out.toString();
  }

  private static boolean hasLeetChar(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Leetspeak.isLeet(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String rot13(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'a' && c <= 'z') {
        chars[i] = (char) ('a' + (c - 'a' + 13) % 26);
      }
    }
    return new String(chars);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i));
      }
    }
    return words;
  }
}
