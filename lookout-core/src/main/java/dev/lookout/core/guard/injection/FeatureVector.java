package dev.lookout.core.guard.injection;

import java.util.Arrays;

/**
 * Hashed features of one text: bucket indices, one per occurrence until {@link #distinct()} drops
 * repeats, each with the value {@code 1/sqrt(size)} so that every vector has unit L2 norm when no
 * bucket repeats. The normalisation keeps long and short texts on one scale, so length alone does
 * not push a score up.
 */
final class FeatureVector {
  private static final ThreadLocal<long[]> SEEN = ThreadLocal.withInitial(() -> new long[0]);

  private int[] buckets;
  private int size;

  FeatureVector(int capacity) {
    buckets = new int[Math.max(capacity, 16)];
  }

  void add(int bucket) {
    if (size == buckets.length) {
      buckets = Arrays.copyOf(buckets, size * 2);
    }
    buckets[size++] = bucket;
  }

  int size() {
    return size;
  }

  int bucket(int i) {
    return buckets[i];
  }

  /** Returns the value each occurrence carries, or 0 for an empty vector. */
  double value() {
    return size == 0 ? 0.0 : 1.0 / Math.sqrt(size);
  }

  /**
   * Drops repeated buckets, keeping first occurrences in order, so that each feature counts once.
   *
   * @param bits log2 of the number of buckets, which bounds every bucket index
   */
  void distinct(int bits) {
    // A bitset over all buckets (32 KB for 2^18) is cheaper than sorting several thousand indices.
    // Each thread keeps one, and only the words this vector set are cleared afterwards, so a call
    // neither allocates nor zeroes 32 KB.
    int words = Math.max(1, (1 << bits) >>> 6);
    long[] seen = SEEN.get();
    if (seen.length < words) {
      seen = new long[words];
      SEEN.set(seen);
    }
    int out = 0;
    for (int i = 0; i < size; i++) {
      int bucket = buckets[i];
      long bit = 1L << bucket;
      if ((seen[bucket >>> 6] & bit) == 0) {
        seen[bucket >>> 6] |= bit;
        buckets[out++] = bucket;
      }
    }
    size = out;
    for (int i = 0; i < size; i++) {
      seen[buckets[i] >>> 6] = 0L;
    }
  }

  /** Returns a copy trimmed to its size, for storing many vectors during training. */
  FeatureVector compact() {
    FeatureVector copy = new FeatureVector(0);
    copy.buckets = Arrays.copyOf(buckets, size);
    copy.size = size;
    return copy;
  }
}
