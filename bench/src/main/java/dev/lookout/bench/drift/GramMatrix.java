package dev.lookout.bench.drift;

import dev.lookout.core.drift.DotProducts;
import dev.lookout.core.drift.UnitVectors;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Dot products between every pair of the benchmark's embeddings, computed once so that each of
 * thousands of windows only looks them up. Holds {@code n²} floats: 470 MB for 10,800 texts.
 */
final class GramMatrix {
  private final float[][] products;

  private GramMatrix(float[][] products) {
    this.products = products;
  }

  static GramMatrix compute(List<float[]> vectors, int threads) throws Exception {
    int size = vectors.size();
    float[][] products = new float[size][size];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int part = t;
        parts.add(
            pool.submit(
                () -> {
                  // Rows interleaved across threads balance the triangular work.
                  for (int i = part; i < size; i += threads) {
                    float[] row = vectors.get(i);
                    for (int j = i; j < size; j++) {
                      float product = (float) UnitVectors.dot(row, vectors.get(j));
                      products[i][j] = product;
                      products[j][i] = product;
                    }
                  }
                }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new GramMatrix(products);
  }

  /** Returns the products of the pooled sample {@code baseline} then {@code window}. */
  DotProducts view(int[] baseline, int[] window) {
    int size = baseline.length + window.length;
    int[] rows = new int[size];
    System.arraycopy(baseline, 0, rows, 0, baseline.length);
    System.arraycopy(window, 0, rows, baseline.length, window.length);
    return new DotProducts() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public double dot(int i, int j) {
        return products[rows[i]][rows[j]];
      }
    };
  }
}
