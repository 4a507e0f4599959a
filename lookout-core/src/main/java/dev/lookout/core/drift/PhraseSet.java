package dev.lookout.core.drift;

import java.util.Arrays;

/**
 * The distinct short phrases of a response, as 32-bit hashes: every token, every pair of adjacent
 * tokens, the first token, the first two tokens and the last token. {@link PhraseShiftTest}
 * compares how many texts of each group contain each phrase.
 *
 * <p>Tokens are runs of letters, digits and apostrophes, lower-cased, and every other non-blank
 * character on its own, so "Sure, I'd" gives {@code sure}, {@code ,}, {@code i'd}. The opening and
 * closing phrases get their own hashes, because models differ most in how they start and end
 * ("Sure, here is", "I hope this helps!"). Two phrases may share a hash; that merges their counts
 * and never makes the test's p-value invalid.
 */
public final class PhraseSet {
  private static final int FIRST = 0x2545F491;
  private static final int FIRST_PAIR = 0x6C8E9CF5;
  private static final int LAST = 0x3C6EF372;
  private static final int PAIR = 0x1B873593;

  private PhraseSet() {}

  /**
   * Returns the sorted, distinct phrase hashes of {@code text}; empty for a blank text. Only the
   * part the gateway keeps ({@link SampleText#cut}) is read, so that the benchmark on full texts
   * and the gateway on stored ones see the same phrases, and a text that may have been cut ({@link
   * SampleText#mayBeCut}) has no closing phrase.
   */
  public static int[] of(String text) {
    text = SampleText.cut(text);
    int length = text.length();
    int[] hashes = new int[16];
    int count = 0;
    int previous = 0;
    int tokens = 0;
    int i = 0;
    while (i < length) {
      int codePoint = text.codePointAt(i);
      if (Character.isWhitespace(codePoint)) {
        i += Character.charCount(codePoint);
        continue;
      }
      int token;
      if (isWordPart(codePoint)) {
        int hash = 0;
        while (i < length) {
          codePoint = text.codePointAt(i);
          if (!isWordPart(codePoint)) {
            break;
          }
          hash = 31 * hash + Character.toLowerCase(codePoint);
          i += Character.charCount(codePoint);
        }
        token = mix(hash);
      } else {
        token = mix(0x7F4A7C15 ^ codePoint);
        i += Character.charCount(codePoint);
      }
      hashes = ensureRoom(hashes, count);
      count = add(hashes, count, token);
      if (tokens == 0) {
        count = add(hashes, count, mix(FIRST ^ token));
      } else {
        int pair = mix(previous * PAIR + token);
        count = add(hashes, count, pair);
        if (tokens == 1) {
          count = add(hashes, count, mix(FIRST_PAIR ^ pair));
        }
      }
      previous = token;
      tokens++;
    }
    if (tokens > 0 && !SampleText.mayBeCut(text)) {
      hashes = ensureRoom(hashes, count);
      count = add(hashes, count, mix(LAST ^ previous));
    }
    return distinct(hashes, count);
  }

  private static boolean isWordPart(int codePoint) {
    return Character.isLetterOrDigit(codePoint) || codePoint == '\'' || codePoint == '\u2019';
  }

  private static int add(int[] hashes, int count, int hash) {
    hashes[count] = hash;
    return count + 1;
  }

  /** Keeps room for the three hashes one token may add. */
  private static int[] ensureRoom(int[] hashes, int count) {
    return count + 3 <= hashes.length ? hashes : Arrays.copyOf(hashes, hashes.length * 2);
  }

  private static int[] distinct(int[] hashes, int count) {
    Arrays.sort(hashes, 0, count);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || hashes[i] != hashes[unique - 1]) {
        hashes[unique++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, unique);
  }

  /** Spreads the bits of a hash (the finalizer of MurmurHash3). */
  private static int mix(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85EBCA6B;
    hash ^= hash >>> 13;
    hash *= 0xC2B2AE35;
    return hash ^ (hash >>> 16);
  }
}
