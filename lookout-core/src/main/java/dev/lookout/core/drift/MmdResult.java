package dev.lookout.core.drift;

import java.util.List;

/**
 * Outcome of one drift test: the {@link MmdTest} on embeddings and style features, and, when run
 * through {@link DriftTest}, the {@link ProfileShiftTest} on word profiles and the {@link
 * PhraseShiftTest} on phrases.
 *
 * @param statistic the biased MMD² estimate, 0 or more; larger means more different
 * @param pValue the p-value the decision uses, in (0, 1]: the MMD test's alone, or the joint
 *     permutation p-value of the tests that ran (see {@link DriftTest})
 * @param distance 1 minus the cosine similarity of the baseline's and the window's mean vectors
 * @param baselineN baseline embeddings tested
 * @param windowN window embeddings tested
 * @param farthest window entries with the lowest mean kernel similarity to the baseline, farthest
 *     first
 * @param embeddingPValue the MMD test's own permutation p-value
 * @param profileStatistic the word-profile test's statistic, or NaN when it did not run
 * @param profilePValue the word-profile test's p-value, or NaN when it did not run
 * @param phraseStatistic the phrase test's statistic, or NaN when it did not run
 * @param phrasePValue the phrase test's own p-value (the joint p-value of its two statistics), or
 *     NaN when it did not run
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
    double profilePValue,
    double phraseStatistic,
    double phrasePValue) {

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
        statistic,
        pValue,
        distance,
        baselineN,
        windowN,
        farthest,
        pValue,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
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
        profilePValue,
        phraseStatistic,
        phrasePValue);
  }

  /** Returns whether the test rejects "same distribution" at level {@code alpha}. */
  public boolean drifted(double alpha) {
    return pValue <= alpha;
  }
}
