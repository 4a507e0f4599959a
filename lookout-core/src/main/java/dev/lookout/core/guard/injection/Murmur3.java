package dev.lookout.core.guard.injection;

/**
 * MurmurHash3 x86 32-bit over UTF-16 code units, two units per 32-bit block (the layout of Guava's
 * {@code Hashing.murmur3_32_fixed().hashUnencodedChars}). The hash is stable across JVMs and
 * releases, which the shipped weights depend on: a changed hash silently scrambles the model.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** Hashes {@code text[start, end)} with {@code seed}. */
  static int hash(CharSequence text, int start, int end, int seed) {
    int h = seed;
    int i = start;
    for (; i + 1 < end; i += 2) {
      int k = text.charAt(i) | (text.charAt(i + 1) << 16);
      h = mixH(h, mixK(k));
    }
    if (i < end) {
      h ^= mixK(text.charAt(i));
    }
    return fmix(h ^ (2 * (end - start)));
  }

  /**
   * Hashes {@code text[start, end)} with {@code seed}, equal to the hash of the same chars as a
   * CharSequence.
   */
  static int hash(char[] text, int start, int end, int seed) {
    int h = seed;
    int i = start;
    for (; i + 1 < end; i += 2) {
      h = mixH(h, mixK(text[i] | (text[i + 1] << 16)));
    }
    if (i < end) {
      h ^= mixK(text[i]);
    }
    return fmix(h ^ (2 * (end - start)));
  }

  /** Hashes two 32-bit values with {@code seed}, for pairs such as word bigrams. */
  static int hashPair(int first, int second, int seed) {
    int h = mixH(seed, mixK(first));
    h = mixH(h, mixK(second));
    return fmix(h ^ 8);
  }

  static int mixK(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  static int mixH(int h, int k) {
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
