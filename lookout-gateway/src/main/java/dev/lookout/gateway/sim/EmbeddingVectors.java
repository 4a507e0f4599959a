package dev.lookout.gateway.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic pseudo-random unit vectors derived from the input text: the same text always gets
 * the same vector, and different texts get nearly orthogonal ones. They carry no meaning.
 */
final class EmbeddingVectors {
  /** Dimensions when the request gives none; the size of all-MiniLM-L6-v2 vectors. */
  static final int DEFAULT_DIMENSIONS = 384;

  static final int MAX_DIMENSIONS = 4096;

  private EmbeddingVectors() {}

  /** Returns a vector of length 1 with {@code dimensions} components, seeded by {@code text}. */
  static float[] unitVector(String text, int dimensions) {
    long seed =
        UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    SplittableRandom random = new SplittableRandom(seed);
    float[] vector = new float[dimensions];
    double sumOfSquares = 0;
    for (int i = 0; i < dimensions; i++) {
      double component = random.nextGaussian();
      vector[i] = (float) component;
      sumOfSquares += component * component;
    }
    double norm = Math.sqrt(sumOfSquares);
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) (vector[i] / norm);
    }
    return vector;
  }

  /** Returns the vector as OpenAI's {@code encoding_format: "base64"}: float32, little-endian. */
  static String base64(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float component : vector) {
      bytes.putFloat(component);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
