package dev.lookout.core.drift;

/** Arithmetic on embedding vectors. */
public final class UnitVectors {
  private UnitVectors() {}

  /**
   * Returns the dot product of two vectors of the same length.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Embeddings of different lengths, "
              + a.length
              + " and "
              + b.length
              + ", cannot be compared; embed both samples with the same model");
    }
    // Four partial sums let the JIT keep several multiply-adds in flight.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }

  /** Returns {@code vector} scaled to length 1, or a copy of it when its length is 0. */
  public static float[] normalize(float[] vector) {
    double norm = Math.sqrt(dot(vector, vector));
    float[] unit = vector.clone();
    if (norm > 0) {
      for (int i = 0; i < unit.length; i++) {
        unit[i] = (float) (unit[i] / norm);
      }
    }
    return unit;
  }

  /**
   * Returns 1 minus the cosine similarity of the mean vectors of {@code a} and {@code b}, or 0 when
   * a mean is the zero vector.
   */
  public static double centroidDistance(java.util.List<float[]> a, java.util.List<float[]> b) {
    float[] meanA = mean(a);
    float[] meanB = mean(b);
    double norms = Math.sqrt(dot(meanA, meanA) * dot(meanB, meanB));
    return norms > 0 ? 1 - dot(meanA, meanB) / norms : 0;
  }

  private static float[] mean(java.util.List<float[]> vectors) {
    float[] sum = new float[vectors.get(0).length];
    for (float[] vector : vectors) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += vector[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= vectors.size();
    }
    return sum;
  }
}
