package dev.lookout.gateway.drift;

import dev.lookout.core.drift.Embedder;
import dev.lookout.core.drift.UnitVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Embeds a text {@code "<cluster>:<anything>"} as a noisy unit vector around the axis numbered by
 * the cluster digit, so tests control which texts look alike without loading a model.
 */
class ClusterEmbedder implements Embedder {
  private static final int DIMENSION = 8;

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> vectors = new ArrayList<>();
    for (String text : texts) {
      SplittableRandom random = new SplittableRandom(text.hashCode());
      float[] vector = new float[DIMENSION];
      for (int i = 0; i < DIMENSION; i++) {
        vector[i] = (float) random.nextGaussian(0, 0.3);
      }
      int cluster = Character.isDigit(text.charAt(0)) ? text.charAt(0) - '0' : 0;
      vector[cluster % DIMENSION] += 1;
      vectors.add(UnitVectors.normalize(vector));
    }
    return vectors;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }
}
