package dev.lookout.core.drift;

import java.util.List;

/**
 * Outcome of one {@link MmdTest}.
 *
 * @param statistic the biased MMD² estimate, 0 or more; larger means more different
 * @param pValue permutation p-value in (0, 1]
 * @param distance 1 minus the cosine similarity of the baseline's and the window's mean vectors
 * @param baselineN baseline embeddings tested
 * @param windowN window embeddings tested
 * @param farthest window entries with the lowest mean kernel similarity to the baseline, farthest
 *     first
 */
public record MmdResult(
    double statistic,
    double pValue,
    double distance,
    int baselineN,
    int windowN,
    List<WindowDistance> farthest) {

  public MmdResult {
    farthest = List.copyOf(farthest);
  }

  /** Returns this result with {@code distance} in place of the computed one. */
  public MmdResult withDistance(double distance) {
    return new MmdResult(statistic, pValue, distance, baselineN, windowN, farthest);
  }

  /** Returns whether the test rejects "same distribution" at level {@code alpha}. */
  public boolean drifted(double alpha) {
    return pValue <= alpha;
  }
}
