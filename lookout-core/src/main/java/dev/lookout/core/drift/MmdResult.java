package dev.lookout.core.drift;

import java.util.List;

/**
 * Outcome of one drift test: the {@link MmdTest} on embeddings and style features, and, when run
 * through {@link DriftTest}, the {@link ProfileShiftTest} on word profiles.
 *
 * @param statistic the biased MMD² estimate, 0 or more; larger means more different
 * @param pValue the p-value the decision uses, in (0, 1]: the MMD test's alone, or the two tests'
 *     Bonferroni combination {@code min(1, 2 · min(embeddingPValue, profilePValue))}
 * @param distance 1 minus the cosine similarity of the baseline's and the window's mean vectors
 * @param baselineN baseline embeddings tested
 * @param windowN window embeddings tested
 * @param farthest window entries with the lowest mean kernel similarity to the baseline, farthest
 *     first
 * @param embeddingPValue the MMD test's permutation p-value
 * @param profileStatistic the word-profile test's statistic, or NaN when it did not run
 * @param profilePValue the word-profile test's p-value, or NaN when it did not run
 */
public record MmdResult(
    double statistic,
    double pValue,
    double distance,
    int baselineN,
    int windowN,
    List<WindowDistance> farthest,
    double embeddingPValue,
    double profileStatistic,
    double profilePValue) {

  public MmdResult {
    farthest = List.copyOf(farthest);
  }

  /** Returns the result of an MMD test alone: its p-value decides. */
  public static MmdResult ofMmd(
      double statistic,
      double pValue,
      double distance,
      int baselineN,
      int windowN,
      List<WindowDistance> farthest) {
    return new MmdResult(
        statistic, pValue, distance, baselineN, windowN, farthest, pValue, Double.NaN, Double.NaN);
  }

  /** Returns this result with {@code distance} in place of the computed one. */
  public MmdResult withDistance(double distance) {
    return new MmdResult(
        statistic,
        pValue,
        distance,
        baselineN,
        windowN,
        farthest,
        embeddingPValue,
        profileStatistic,
        profilePValue);
  }

  /**
   * Returns this result joined with a word-profile test of the same samples. Each test alone has a
   * false-positive rate of at most its level; doubling the smaller p-value (Bonferroni) keeps the
   * combined rate at most {@code alpha} without assuming anything about how the two depend.
   */
  public MmdResult withProfile(ProfileShiftTest.Result profile) {
    double combined = Math.min(1, 2 * Math.min(embeddingPValue, profile.pValue()));
    return new MmdResult(
        statistic,
        combined,
        distance,
        baselineN,
        windowN,
        farthest,
        embeddingPValue,
        profile.statistic(),
        profile.pValue());
  }

  /** Returns whether the test rejects "same distribution" at level {@code alpha}. */
  public boolean drifted(double alpha) {
    return pValue <= alpha;
  }
}
