package dev.lookout.core.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Deterministic, sticky assignment of users to variants.
 *
 * <p>The bucket of a user is computed from SHA-256 over the UTF-8 bytes of {@code experimentId +
 * ":" + userId}: the first 8 bytes of the digest, read big-endian as an unsigned number, keep their
 * top 53 bits, and that integer divided by 2^53 is the bucket. Every integer below 2^53 is exact in
 * a double, so the bucket lies in [0, 1) and is never 1. The same user gets the same bucket on
 * every platform, and salting by the experiment id makes buckets of different experiments
 * independent. Experiment ids contain no {@code ':'} (see {@link Experiment}), so the hashed text
 * is unambiguous.
 *
 * <p>Example: experiment {@code e1}, user {@code alice} hash the bytes of {@code "e1:alice"}.
 */
public final class Assignment {
  /** 2^53, the number of distinct buckets. */
  private static final double BUCKETS = 0x1p53;

  /** A digest per thread, because looking one up costs about as much as hashing a short id. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(Assignment::sha256);

  private Assignment() {}

  /** Returns the user's bucket in [0, 1) for this experiment. */
  public static double bucket(String experimentId, String userId) {
    byte[] digest =
        SHA_256.get().digest((experimentId + ":" + userId).getBytes(StandardCharsets.UTF_8));
    long high = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (digest[i] & 0xFF);
    }
    return (high >>> 11) / BUCKETS;
  }

  /**
   * Returns the index of the variant whose share of [0, 1) contains {@code bucket}. Shares follow
   * the normalised weights in list order; rounding can leave the last cumulative sum just under 1,
   * so a bucket past it goes to the last variant of positive weight and no user is left out.
   */
  public static int choose(List<Variant> variants, double bucket) {
    double total = 0;
    for (Variant variant : variants) {
      total += variant.weight();
    }
    double cumulative = 0;
    int lastPositive = -1;
    for (int i = 0; i < variants.size(); i++) {
      double weight = variants.get(i).weight();
      if (weight <= 0) {
        continue;
      }
      lastPositive = i;
      cumulative += weight / total;
      if (bucket < cumulative) {
        return i;
      }
    }
    return lastPositive;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing, but every Java runtime must have it", e);
    }
  }
}
