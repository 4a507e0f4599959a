package dev.lookout.core.guard.injection;

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
  private static final int CHAR_SEED = 0x5eed0003;

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
    String text = collapseWhitespace(normalized);
    FeatureVector out = new FeatureVector(text.length() * 4);
    addCharGrams(text, out);
    addWords(text, out);
    return out;
  }

  private void addCharGrams(String text, FeatureVector out) {
    for (int n = MIN_CHAR_GRAM; n <= MAX_CHAR_GRAM; n++) {
      for (int start = 0; start + n <= text.length(); start++) {
        out.add(Murmur3.hash(text, start, start + n, CHAR_SEED + n) & mask);
      }
    }
  }

  private void addWords(String text, FeatureVector out) {
    int previous = 0;
    boolean hasPrevious = false;
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
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
    addLeetWords(text, out);
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

  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    out.append(' ');
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    if (!space) {
      out.append(' ');
    }
    return out.toString();
  }
}
