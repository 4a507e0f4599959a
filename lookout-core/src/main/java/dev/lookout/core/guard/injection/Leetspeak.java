package dev.lookout.core.guard.injection;

/** Decoding of leetspeak words such as {@code 1gn0r3} or {@code pr0mp7}. */
final class Leetspeak {
  private static final String LEET = "0134578@$!|";
  private static final String PLAIN = "oieastbasil";

  /** Whether each ASCII character is in {@link #LEET}, for callers that test every character. */
  private static final boolean[] IS_LEET = new boolean[128];

  /** Whether each ASCII character is punctuation that may wrap a leet word. */
  private static final boolean[] IS_PUNCTUATION = new boolean[128];

  static {
    for (char c : LEET.toCharArray()) {
      IS_LEET[c] = true;
    }
    for (char c : ".,;:?\"'()[]{}<>*".toCharArray()) {
      IS_PUNCTUATION[c] = true;
    }
  }

  private Leetspeak() {}

  /** Returns whether {@code c} is a character that leetspeak puts in place of a letter. */
  static boolean isLeet(char c) {
    return c < IS_LEET.length && IS_LEET[c];
  }

  /**
   * Returns the letters that {@code text[start, end)} spells once each leet character is replaced,
   * or null when the chunk is not a leet word: it must hold at least two letters and at least one
   * leet character, and decode to letters only (after dropping surrounding punctuation).
   */
  static String decode(String text, int start, int end) {
    while (start < end && isPunctuation(text.charAt(start))) {
      start++;
    }
    while (end > start && (isPunctuation(text.charAt(end - 1)) || text.charAt(end - 1) == '!')) {
      end--;
    }
    if (end - start < 3 || !holdsLeet(text, start, end)) {
      return null;
    }
    StringBuilder word = new StringBuilder(end - start);
    int letters = 0;
    int leet = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int index = LEET.indexOf(c);
      if (index >= 0) {
        word.append(PLAIN.charAt(index));
        leet++;
      } else if (Character.isLetter(c)) {
        word.append(c);
        letters++;
      } else {
        return null;
      }
    }
    return leet > 0 && letters >= 2 ? word.toString() : null;
  }

  /** Returns whether {@code text[start, end)} contains a leet char, which most words lack. */
  private static boolean holdsLeet(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (isLeet(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPunctuation(char c) {
    return c < IS_PUNCTUATION.length && IS_PUNCTUATION[c];
  }
}
