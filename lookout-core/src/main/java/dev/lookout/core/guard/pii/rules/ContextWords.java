package dev.lookout.core.guard.pii.rules;

import java.util.List;

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
  /** One word: its space-separated parts and whether it may run on at either end. */
  private record Word(String[] parts, boolean openStart, boolean openEnd) {}

  /** Chars that end the token an e-mail address is read from, besides white space. */
  private static final String TOKEN_ENDS = "<>()[]\"',;:&=?/|";

  /** Maximum chars read on each side of a word for an "@" of its address. */
  private static final int MAX_ADDRESS_CHARS = 64;

  private final List<Word> words;
  private final int before;
  private final int after;

  /**
   * Creates a matcher for {@code words} (lower case, with the {@code *} marks described above)
   * within {@code before} characters before a span and {@code after} characters after it.
   */
  public ContextWords(List<String> words, int before, int after) {
    this.words = words.stream().map(ContextWords::parse).toList();
    this.before = before;
    this.after = after;
  }

  /**
   * Returns whether one of the words occurs in the window around {@code [start, end)} that starts
   * no earlier than {@code floor}, such as the start of the line.
   */
  public boolean near(String text, int start, int end, int floor) {
    int from = Math.max(floor, start - before);
    int to = end;
    int limit = Math.min(text.length(), end + after);
    while (to < limit && text.charAt(to) != '\n') {
      to++;
    }
    return occursIn(text, from, start) || occursIn(text, end, to);
  }

  /** Returns whether one of the words occurs in the window around {@code [start, end)}. */
  public boolean near(String text, int start, int end) {
    int from = Math.max(0, start - before);
    int to = Math.min(text.length(), end + after);
    return occursIn(text, from, start) || occursIn(text, end, to);
  }

  /** Returns whether one of the words occurs whole in {@code text}. */
  boolean occursIn(String text) {
    return occursIn(text, 0, text.length());
  }

  /** Returns whether one of the words occurs whole within {@code [from, to)} of {@code text}. */
  boolean occursBetween(String text, int from, int to) {
    return occursIn(text, Math.max(0, from), Math.min(text.length(), to));
  }

  // A hand-written scan: a regex over each window cost a third of the phone detector's time.
  private boolean occursIn(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    String window = lowerCase(text, from, to);
    for (Word word : words) {
      String first = word.parts()[0];
      for (int at = window.indexOf(first); at >= 0; at = window.indexOf(first, at + 1)) {
        int matchEnd = matchRest(window, at + first.length(), word.parts());
        if (matchEnd < 0) {
          continue;
        }
        // The boundary checks read the full text, so a window that starts inside "hotel" does
        // not find "tel".
        boolean startOk = word.openStart() || from + at == 0 || !isLetter(text, from + at - 1);
        boolean endOk =
            word.openEnd()
                || from + matchEnd == text.length()
                || (!isLetter(text, from + matchEnd) && !namePart(text, from + matchEnd));
        if (startOk && endOk && !inEmailAddress(text, from + at, from + matchEnd)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether digits at {@code at} go on a name such as "EXT4-fs" or "ext3fs": digits and
   * then a letter, hyphen or underscore. "Tel1: ..." still names a phone.
   */
  private static boolean namePart(String text, int at) {
    int i = at;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i == at || i == text.length()) {
      return false;
    }
    char next = text.charAt(i);
    return Character.isLetter(next) || next == '-' || next == '_';
  }

  /**
   * Returns whether {@code [start, end)} of {@code text} lies in a token with an "@", such as
   * "accounts@kestrelbank.co.uk". A word in an e-mail address names a mailbox, not the number
   * beside it.
   */
  private static boolean inEmailAddress(String text, int start, int end) {
    int from = start;
    while (from > 0 && start - from < MAX_ADDRESS_CHARS && !endsToken(text.charAt(from - 1))) {
      from--;
    }
    int to = end;
    while (to < text.length() && to - end < MAX_ADDRESS_CHARS && !endsToken(text.charAt(to))) {
      to++;
    }
    for (int at = from; at < to; at++) {
      if (text.charAt(at) == '@') {
        return hasDomain(text, at + 1, to);
      }
    }
    return false;
  }

  /**
   * Returns whether {@code [from, to)} reads as a mail domain: a dot with a letter after it.
   * "call@" before a number ("call@9876543210") is an ad's way to write "call".
   */
  private static boolean hasDomain(String text, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (text.charAt(i) == '.' && Character.isLetter(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsToken(char c) {
    return Character.isWhitespace(c) || TOKEN_ENDS.indexOf(c) >= 0;
  }

  /** Returns where the parts after the first end in {@code window}, or -1 if they do not follow. */
  private static int matchRest(String window, int position, String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      int spaces = position;
      while (spaces < window.length() && Character.isWhitespace(window.charAt(spaces))) {
        spaces++;
      }
      if (spaces == position || !window.startsWith(parts[i], spaces)) {
        return -1;
      }
      position = spaces + parts[i].length();
    }
    return position;
  }

  /** Lower-cases char by char, so that offsets in the result are offsets in {@code text}. */
  private static String lowerCase(String text, int from, int to) {
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = Character.toLowerCase(text.charAt(i));
    }
    return new String(chars);
  }

  private static boolean isLetter(String text, int index) {
    return Character.isLetter(text.charAt(index));
  }

  private static Word parse(String word) {
    boolean openStart = word.startsWith("*");
    boolean openEnd = word.endsWith("*") && word.length() > 1;
    String core = word.substring(openStart ? 1 : 0, openEnd ? word.length() - 1 : word.length());
    return new Word(core.split(" ", -1), openStart, openEnd);
  }
}
