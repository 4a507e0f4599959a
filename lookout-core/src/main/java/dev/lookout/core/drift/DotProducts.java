package dev.lookout.core.drift;

import java.util.List;

/**
 * Dot products between the unit-length embeddings of one pooled sample: the baseline first, then
 * the window. {@link MmdTest} needs nothing else, so a caller that tests many windows over the same
 * texts can precompute the products once.
 */
public interface DotProducts {
  /** Returns the number of pooled vectors. */
  int size();

  /** Returns the dot product of pooled vectors {@code i} and {@code j}, in [-1, 1]. */
  double dot(int i, int j);

  /** Returns the products of {@code baseline} followed by {@code window}, computed now. */
  static DotProducts of(List<float[]> baseline, List<float[]> window) {
    int size = baseline.size() + window.size();
    float[][] vectors = new float[size][];
    for (int i = 0; i < size; i++) {
      vectors[i] = i < baseline.size() ? baseline.get(i) : window.get(i - baseline.size());
    }
    double[][] products = new double[size][size];
    for (int i = 0; i < size; i++) {
      products[i][i] = UnitVectors.dot(vectors[i], vectors[i]);
      for (int j = i + 1; j < size; j++) {
        double product = UnitVectors.dot(vectors[i], vectors[j]);
        products[i][j] = product;
        products[j][i] = product;
      }
    }
    return new DotProducts() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public double dot(int i, int j) {
        return products[i][j];
      }
    };
  }
}
