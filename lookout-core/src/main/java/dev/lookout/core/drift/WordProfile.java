package dev.lookout.core.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often a response uses common function words, punctuation and Markdown marks: the features
 * authorship attribution relies on. Two models answering the same prompts write about the same
 * topics, so their sentence embeddings overlap, but they differ in habits such as "certainly",
 * "overall", em dashes, colons and list marks. bench/DRIFT.md measures what these features add.
 *
 * <p>A text is split into tokens: runs of ASCII letters and apostrophes (words), runs of digits
 * (one number token), line breaks, and every other non-blank character on its own. Feature {@code
 * i} is the square root of the share of tokens equal to vocabulary entry {@code i}; the square root
 * evens out common and rare entries. Characters outside the vocabulary count as one shared "other"
 * entry; words outside it count only towards the total. The vocabulary is fixed, so the features of
 * a text do not depend on any other text and the permutation test stays exact.
 */
public final class WordProfile {
  private static final List<String> WORDS =
      List.of(
          "the",
          "a",
          "an",
          "and",
          "or",
          "but",
          "if",
          "then",
          "so",
          "because",
          "as",
          "of",
          "in",
          "on",
          "at",
          "to",
          "for",
          "from",
          "with",
          "by",
          "about",
          "into",
          "over",
          "after",
          "before",
          "between",
          "through",
          "during",
          "without",
          "under",
          "within",
          "than",
          "that",
          "this",
          "these",
          "those",
          "there",
          "here",
          "it",
          "its",
          "they",
          "them",
          "their",
          "we",
          "us",
          "our",
          "you",
          "your",
          "i",
          "me",
          "my",
          "he",
          "him",
          "his",
          "she",
          "her",
          "who",
          "whom",
          "whose",
          "which",
          "what",
          "when",
          "where",
          "why",
          "how",
          "not",
          "no",
          "yes",
          "all",
          "any",
          "each",
          "every",
          "some",
          "many",
          "much",
          "more",
          "most",
          "other",
          "such",
          "only",
          "also",
          "just",
          "very",
          "can",
          "could",
          "will",
          "would",
          "shall",
          "should",
          "may",
          "might",
          "must",
          "do",
          "does",
          "did",
          "done",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "have",
          "has",
          "had",
          "having",
          "get",
          "make",
          "use",
          "like",
          "well",
          "first",
          "second",
          "next",
          "finally",
          "however",
          "therefore",
          "example",
          "let's",
          "here's",
          "there's",
          "don't",
          "can't",
          "won't",
          "it's",
          "you're",
          "i'm",
          "sure",
          "certainly",
          "absolutely",
          "overall",
          "additionally",
          "including",
          "ensure",
          "important",
          "while",
          "both",
          "either");

  /** Punctuation and Markdown marks counted one character each. */
  private static final String MARKS = ".,;:!?()\"'-*#`_/[]\u2019\u201c\u201d\u2014\u2013\u2026";

  private static final Map<String, Integer> WORD_INDEX = new HashMap<>();

  private static final int MARK_BASE = WORDS.size();
  private static final int LINE_BREAK = MARK_BASE + MARKS.length();
  private static final int NUMBER = LINE_BREAK + 1;
  private static final int OTHER = NUMBER + 1;

  /** Number of features. */
  public static final int COUNT = OTHER + 1;

  static {
    for (int i = 0; i < WORDS.size(); i++) {
      WORD_INDEX.put(WORDS.get(i), i);
    }
  }

  private WordProfile() {}

  /** Returns the features of {@code text}; all zero for a text without tokens. */
  public static float[] of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int[] counts = new int[COUNT];
    int tokens = 0;
    int length = lower.length();
    int at = 0;
    while (at < length) {
      char c = lower.charAt(at);
      if (isWordChar(c)) {
        int end = at + 1;
        while (end < length && isWordChar(lower.charAt(end))) {
          end++;
        }
        Integer index = WORD_INDEX.get(lower.substring(at, end));
        if (index != null) {
          counts[index]++;
        }
        tokens++;
        at = end;
      } else if (c >= '0' && c <= '9') {
        while (at < length && lower.charAt(at) >= '0' && lower.charAt(at) <= '9') {
          at++;
        }
        counts[NUMBER]++;
        tokens++;
      } else if (c == '\n') {
        counts[LINE_BREAK]++;
        tokens++;
        at++;
      } else if (Character.isWhitespace(c)) {
        at++;
      } else {
        int mark = MARKS.indexOf(c);
        counts[mark >= 0 ? MARK_BASE + mark : OTHER]++;
        tokens++;
        at++;
      }
    }
    float[] features = new float[COUNT];
    if (tokens == 0) {
      return features;
    }
    for (int i = 0; i < COUNT; i++) {
      features[i] = (float) Math.sqrt(counts[i] / (double) tokens);
    }
    return features;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || c == '\'';
  }
}
