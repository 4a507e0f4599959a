package dev.lookout.core.guard.injection;

import java.util.Arrays;

/**
 * Maps a normalised text to hashed features: word unigrams and bigrams, character 3- to 5-grams
 * over the text with whitespace collapsed, and the de-leeted form of words written in leetspeak
 * ({@code 1gn0r3} adds the unigram {@code ignore}). Each family hashes with its own seed into one
 * table of {@code 2^bits} buckets.
 */
final class FeatureHasher {
  static final int MIN_CHAR_GRAM = 3;
  static final int MAX_CHAR_GRAM = 5;

  private static final int WORD_SEED = 0x5eed0001;
  private static final int BIGRAM_SEED = 0x5eed0002;
  static final int CHAR_SEED = 0x5eed0003;

  private final int bits;
  private final int mask;

  FeatureHasher(int bits) {
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("Hash bits must be within 10..24, got " + bits);
    }
    this.bits = bits;
    this.mask = (1 << bits) - 1;
  }

  int bits() {
    return bits;
  }

  /** Returns the features of {@code normalized}, the output of {@link TextNormalizer}. */
  FeatureVector features(String normalized) {
    char[] text = collapseWhitespace(normalized);
    FeatureVector out = new FeatureVector(text.length * 4);
    addCharGrams(text, out);
    addWords(text, out);
    return out;
  }

  /**
   * Adds every character 3-, 4- and 5-gram, shortest first. Each gram's hash equals {@link
   * Murmur3#hash} over it. The grams that start at one char share their two-char blocks, so each
   * block is mixed once here instead of once per gram.
   */
  private void addCharGrams(char[] text, FeatureVector out) {
    int length = text.length;
    if (length < MIN_CHAR_GRAM) {
      return;
    }
    int[] pairs = new int[length - 1];
    int[] singles = new int[length];
    for (int i = 0; i < length; i++) {
      singles[i] = Murmur3.mixK(text[i]);
      if (i + 1 < length) {
        pairs[i] = Murmur3.mixK(text[i] | (text[i + 1] << 16));
      }
    }
    int seed3 = CHAR_SEED + 3;
    for (int start = 0; start + 3 <= length; start++) {
      int h = Murmur3.mixH(seed3, pairs[start]) ^ singles[start + 2];
      out.add(Murmur3.fmix(h ^ 6) & mask);
    }
    int seed4 = CHAR_SEED + 4;
    for (int start = 0; start + 4 <= length; start++) {
      int h = Murmur3.mixH(Murmur3.mixH(seed4, pairs[start]), pairs[start + 2]);
      out.add(Murmur3.fmix(h ^ 8) & mask);
    }
    int seed5 = CHAR_SEED + 5;
    for (int start = 0; start + 5 <= length; start++) {
      int h =
          Murmur3.mixH(Murmur3.mixH(seed5, pairs[start]), pairs[start + 2]) ^ singles[start + 4];
      out.add(Murmur3.fmix(h ^ 10) & mask);
    }
  }

  private void addWords(char[] text, FeatureVector out) {
    int previous = 0;
    boolean hasPrevious = false;
    int i = 0;
    while (i < text.length) {
      if (!Character.isLetterOrDigit(text[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length && Character.isLetterOrDigit(text[i])) {
        i++;
      }
      int word = Murmur3.hash(text, start, i, WORD_SEED);
      out.add(word & mask);
      if (hasPrevious) {
        out.add(Murmur3.hashPair(previous, word, BIGRAM_SEED) & mask);
      }
      previous = word;
      hasPrevious = true;
    }
    addLeetWords(new String(text), out);
  }

  /** Adds the unigram of each whitespace-separated chunk that reads as a word once de-leeted. */
  private void addLeetWords(String text, FeatureVector out) {
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && text.charAt(i) != ' ') {
        i++;
      }
      String word = Leetspeak.decode(text, start, i);
      if (word != null) {
        out.add(Murmur3.hash(word, 0, word.length(), WORD_SEED) & mask);
      }
      i++;
    }
  }

  /** Returns {@code text} with each whitespace run as one space, and one space at each end. */
  private static char[] collapseWhitespace(String text) {
    char[] out = new char[text.length() + 2];
    int size = 0;
    out[size++] = ' ';
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          out[size++] = ' ';
          space = true;
        }
      } else {
        out[size++] = c;
        space = false;
      }
    }
    if (!space) {
      out[size++] = ' ';
    }
    return size == out.length ? out : Arrays.copyOf(out, size);
  }
}
