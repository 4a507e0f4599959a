package dev.lookout.core.guard.pii.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Label words that name the kind of number right after them, as in "ISBN 978-3-16-148410-0",
 * "Meeting ID: 852 1234 5678" or "Lot number 2024-0515-003". Unlike {@link ContextWords}, which
 * looks at a window on both sides, a label must end just before the span: only spaces, punctuation
 * and a word such as "number", "no." or "ID" may come between. That closeness lets a label overrule
 * a supporting word further away. Matching is case-insensitive and on whole words.
 *
 * <p>A matcher may allow less punctuation between a label and its number. "Ticket 607-464-0515" and
 * "Ticket #4521" name a ticket number, but in "Questions about your ticket: (904) 907-2486" the
 * colon ends a sentence about the ticket, so the number after it is a phone.
 */
final class LabelBefore {
  /**
   * Words between a label and its number, as in "lot number", "meeting ID", "booking reference",
   * "confirmation number is" or "commande n°".
   */
  private static final List<String> FILLERS =
      List.of(
          "number",
          "numbers",
          "no",
          "nr",
          "num",
          "n",
          "n°",
          "nº",
          "id",
          "code",
          "reference",
          "ref",
          "is",
          "was");

  /** Punctuation that may come between a label and its number, besides white space. */
  static final String PUNCTUATION = ":#=.-([)：";

  /** Maximum number of characters read before a span. */
  private static final int WINDOW = 40;

  /** Key parts that name a phone number, which no other part of the key overrules. */
  private static final List<String> PHONE_KEY_PARTS =
      List.of("phone", "tel", "mobile", "cell", "fax", "contact", "reachable", "dial");

  private final List<String> words;
  private final List<String> fillerWords;
  private final Set<String> keySuffixes;
  private final String punctuation;

  /**
   * Creates a matcher for {@code words} (lower case), and for {@code fillerWords} when a filler
   * such as "ID" or "number" follows them ("meeting ID", "lot number"). A snake_case key before the
   * number counts as a label too when its last part is one of {@code keySuffixes} ("duration_ms"),
   * when it is a past participle and "at" ("created_at"), or when one of its parts is in {@code
   * words}, or when its last part is a filler after one of {@code fillerWords} ("customer_id"),
   * unless a part names a phone. White space and any of {@link #PUNCTUATION} may come between a
   * label and its number.
   */
  LabelBefore(List<String> words, List<String> fillerWords, Set<String> keySuffixes) {
    this(words, fillerWords, keySuffixes, PUNCTUATION);
  }

  /**
   * Creates a matcher as above that allows only white space and the characters of {@code
   * punctuation} between a label and its number.
   */
  LabelBefore(
      List<String> words, List<String> fillerWords, Set<String> keySuffixes, String punctuation) {
    this.words = List.copyOf(words);
    this.fillerWords = List.copyOf(fillerWords);
    this.keySuffixes = Set.copyOf(keySuffixes);
    this.punctuation = punctuation;
  }

  /** Returns whether one of the words labels the number that starts at {@code start}. */
  boolean labels(String text, int start) {
    String before = text.substring(Math.max(0, start - WINDOW), start).toLowerCase(Locale.ROOT);
    // "#" stands for "number", as in "case #67274900" or "order #1234".
    boolean fillerStripped = before.stripTrailing().endsWith("#");
    before = stripSeparators(before);
    // A key such as customer_id is read with its filler part.
    String key = before;
    // A label may itself be a filler ("ref no. 5876 898 795348"), so it is looked for before each
    // filler is stripped.
    while (!endsWithAny(before, words)) {
      String stripped = stripFiller(before);
      if (stripped.equals(before)) {
        return (fillerStripped && endsWithAny(before, fillerWords)) || keyLabels(key);
      }
      fillerStripped = true;
      before = stripSeparators(stripped);
    }
    return true;
  }

  private static boolean endsWithAny(String text, List<String> candidates) {
    for (String word : candidates) {
      if (endsWithWord(text, word)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the last token is a snake_case key with a label among its parts. */
  private boolean keyLabels(String before) {
    int i = before.length();
    while (i > 0
        && (Character.isLetterOrDigit(before.charAt(i - 1)) || before.charAt(i - 1) == '_')) {
      i--;
    }
    String key = before.substring(i);
    if (key.indexOf('_') < 0) {
      return false;
    }
    String[] parts = key.split("_");
    if (parts.length == 0) {
      // Only underscores, as in "_(555) 010-0199": no word to read.
      return false;
    }
    for (String part : parts) {
      for (String phonePart : PHONE_KEY_PARTS) {
        if (part.contains(phonePart)) {
          return false;
        }
      }
    }
    String last = parts[parts.length - 1];
    String previous = parts.length > 1 ? parts[parts.length - 2] : "";
    if (keySuffixes.contains(last)
        || last.equals("at") && previous.endsWith("ed")
        || FILLERS.contains(last) && fillerWords.contains(previous)) {
      return true;
    }
    for (String part : parts) {
      if (words.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private String stripSeparators(String text) {
    int end = text.length();
    while (end > 0 && isSeparator(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private boolean isSeparator(char c) {
    return Character.isWhitespace(c) || punctuation.indexOf(c) >= 0;
  }

  private static String stripFiller(String text) {
    for (String filler : FILLERS) {
      if (endsWithWord(text, filler)) {
        return text.substring(0, text.length() - filler.length());
      }
    }
    return text;
  }

  /**
   * Returns whether {@code text} ends with {@code word} as a whole word. A word in a script written
   * without spaces, such as "伝票番号", may end a longer word ("配送伝票番号").
   */
  private static boolean endsWithWord(String text, String word) {
    return text.endsWith(word)
        && (text.length() == word.length()
            || writtenWithoutSpaces(word.codePointAt(0))
            || !Character.isLetter(text.charAt(text.length() - word.length() - 1)));
  }

  private static boolean writtenWithoutSpaces(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
