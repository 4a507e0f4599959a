package dev.lookout.core.guard.pii.tagger;

/**
 * Hashed features of the tokens of one text. Each feature is a 64-bit FNV-1a hash of a feature kind
 * and its value, so no feature string is built at run time. The features of token {@code i} are its
 * word, the two words on each side, word shapes ({@code Xx}, {@code d}, ...), prefix and suffix,
 * line breaks, and the tags chosen for the two tokens before it.
 */
final class Features {
  /** Number of features of one token that do not depend on earlier tags. */
  static final int STATIC_COUNT = 17;

  /** Number of features of one token that combine earlier tags with the token. */
  static final int TAG_COUNT = 4;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long START = hashChars(FNV_OFFSET, "<s>");
  private static final long END = hashChars(FNV_OFFSET, "</s>");

  private final long[] words;
  private final long[] shapes;
  private final long[] prefixes;
  private final long[] suffixes;
  private final boolean[] breaks;
  private final int size;

  Features(Tokens tokens) {
    size = tokens.size;
    words = new long[size];
    shapes = new long[size];
    prefixes = new long[size];
    suffixes = new long[size];
    breaks = new boolean[size + 1];
    String text = tokens.text;
    for (int i = 0; i < size; i++) {
      int start = tokens.starts[i];
      int end = tokens.ends[i];
      words[i] = lowerHash(text, start, end);
      shapes[i] = shapeHash(text, start, end);
      prefixes[i] = lowerHash(text, start, Math.min(end, start + 3));
      suffixes[i] = lowerHash(text, Math.max(start, end - 3), end);
      breaks[i] = tokens.lineBreakBefore(i);
    }
    breaks[size] = true;
  }

  int size() {
    return size;
  }

  /** Writes the tag-independent features of token {@code i} into {@code out}. */
  void staticFeatures(int i, long[] out) {
    long w0 = words[i];
    long wm1 = word(i - 1);
    long wp1 = word(i + 1);
    long s0 = shapes[i];
    long sm1 = shape(i - 1);
    long sp1 = shape(i + 1);
    out[0] = key(0, 0);
    out[1] = key(1, w0);
    out[2] = key(2, wm1);
    out[3] = key(3, wp1);
    out[4] = key(4, word(i - 2));
    out[5] = key(5, word(i + 2));
    out[6] = key(6, s0);
    out[7] = key(7, sm1);
    out[8] = key(8, sp1);
    out[9] = key(9, prefixes[i]);
    out[10] = key(10, suffixes[i]);
    out[11] = key(11, sm1 * 31 + s0);
    out[12] = key(12, s0 * 31 + sp1);
    out[13] = key(13, (breaks[i] ? 1 : 0) + (breaks[i + 1] ? 2 : 0));
    out[14] = key(14, wm1 * 31 + s0);
    out[15] = key(15, s0 * 31 + wp1);
    out[16] = key(16, wm1 * 31 + w0);
  }

  /** Writes the features of token {@code i} that depend on the two previous tags. */
  void tagFeatures(int i, Tag previous, Tag beforePrevious, long[] out) {
    out[0] = key(17, previous.ordinal());
    out[1] = key(18, previous.ordinal() * 31L + beforePrevious.ordinal());
    out[2] = key(19, previous.ordinal() * 31L + words[i]);
    out[3] = key(20, previous.ordinal() * 31L + shapes[i]);
  }

  private long word(int i) {
    if (i < 0) {
      return START;
    }
    return i >= size ? END : words[i];
  }

  private long shape(int i) {
    if (i < 0) {
      return START;
    }
    return i >= size ? END : shapes[i];
  }

  private static long key(int kind, long value) {
    long hash = FNV_OFFSET ^ kind;
    hash *= FNV_PRIME;
    for (int shift = 0; shift < 64; shift += 8) {
      hash ^= (value >>> shift) & 0xff;
      hash *= FNV_PRIME;
    }
    return hash == 0 ? 1 : hash;
  }

  private static long lowerHash(String text, int start, int end) {
    long hash = FNV_OFFSET;
    for (int i = start; i < end; i++) {
      hash ^= Character.toLowerCase(text.charAt(i));
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /**
   * Hashes the word shape: X upper, x lower, d digit, the character itself otherwise, runs cut to
   * two.
   */
  private static long shapeHash(String text, int start, int end) {
    long hash = FNV_OFFSET;
    char last = 0;
    int run = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      char shape;
      if (Character.isUpperCase(c)) {
        shape = 'X';
      } else if (Character.isLowerCase(c)) {
        shape = 'x';
      } else if (Character.isDigit(c)) {
        shape = 'd';
      } else {
        shape = c;
      }
      run = shape == last ? run + 1 : 1;
      last = shape;
      if (run <= 2) {
        hash ^= shape;
        hash *= FNV_PRIME;
      }
    }
    return hash;
  }

  private static long hashChars(long seed, String value) {
    long hash = seed;
    for (int i = 0; i < value.length(); i++) {
      hash ^= value.charAt(i);
      hash *= FNV_PRIME;
    }
    return hash;
  }
}
