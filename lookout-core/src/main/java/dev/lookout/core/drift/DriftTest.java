package dev.lookout.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The drift test the gateway, {@code lookout drift check} and the benchmark run: the {@link
 * MmdTest} on embeddings with style features appended, the {@link ProfileShiftTest} on word
 * profiles and the {@link PhraseShiftTest} on phrases, computed over the same random relabelings
 * and joined by one permutation test on the product and the smallest of their p-values ({@link
 * Relabeling#testJoint}). The first finds changes of topic, task and length. The second finds a
 * model that writes differently about the same topics. The third finds a share of responses whose
 * author has phrases of its own.
 *
 * <p>The joint test keeps the false-positive rate at most {@code alpha} whatever the tests'
 * dependence, because every relabeling is scored the same way. A mixture of another source often
 * moves each statistic a little, and the product adds that evidence up. A change that one statistic
 * alone detects keeps its strength through the smallest p-value.
 */
public final class DriftTest {
  /** Statistics the joint test combines: MMD², the profile distance and the phrase test's two. */
  public static final int STATISTICS = 2 + PhraseShiftTest.STATISTICS;

  private final MmdTest mmd;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings, shared by the three tests; at least 1
   * @param farthest how many window texts to report as farthest from the baseline; 0 or more
   * @throws IllegalArgumentException if a count is out of range
   */
  public DriftTest(int permutations, int farthest) {
    this.mmd = new MmdTest(permutations, farthest);
  }

  /** Returns the number of random relabelings. */
  public int permutations() {
    return mmd.permutations();
  }

  /**
   * Tests a window against a baseline. The reported distance is the centroid distance of the
   * embeddings alone.
   *
   * @throws IllegalArgumentException if the baseline or the window has fewer than 2 samples
   */
  public MmdResult run(
      List<DriftSample> baseline, List<DriftSample> window, SplittableRandom random) {
    return run(
            DotProducts.of(vectors(baseline, true), vectors(window, true)),
            profiles(baseline),
            profiles(window),
            phrases(baseline),
            phrases(window),
            random)
        .withDistance(
            UnitVectors.centroidDistance(vectors(baseline, false), vectors(window, false)));
  }

  /**
   * Tests a window against a baseline whose dot products, word profiles and phrase sets are already
   * computed, as the benchmark does over a shared Gram matrix.
   *
   * @param baselinePhrases the baseline's phrase sets, or null to leave the phrase test out
   * @param windowPhrases the window's phrase sets, or null to leave the phrase test out
   */
  public MmdResult run(
      DotProducts products,
      List<float[]> baselineProfiles,
      List<float[]> windowProfiles,
      List<int[]> baselinePhrases,
      List<int[]> windowPhrases,
      SplittableRandom random) {
    int baselineSize = baselineProfiles.size();
    int windowSize = windowProfiles.size();
    MmdTest.Prepared embedding = mmd.prepare(products, baselineSize, random);
    Relabeling.Statistic profile = ProfileShiftTest.prepare(baselineProfiles, windowProfiles);
    boolean withPhrases = baselinePhrases != null && windowPhrases != null;
    List<Relabeling.Part> parts = new ArrayList<>(3);
    parts.add(
        new Relabeling.Part(
            1, (order, small, values) -> values[0] = embedding.statistic().of(order, small)));
    parts.add(
        new Relabeling.Part(1, (order, small, values) -> values[0] = profile.of(order, small)));
    if (withPhrases) {
      parts.add(
          new Relabeling.Part(
              PhraseShiftTest.STATISTICS, PhraseShiftTest.prepare(baselinePhrases, windowPhrases)));
    }
    Relabeling.JointOutcome outcome =
        Relabeling.testJoint(baselineSize, windowSize, mmd.permutations(), random, parts);
    double[] observed = outcome.observed();
    return new MmdResult(
        Math.max(0, observed[0]),
        outcome.pValue(),
        embedding.distance(),
        baselineSize,
        windowSize,
        embedding.farthest(),
        outcome.marginalPValue(0),
        observed[1],
        outcome.marginalPValue(1),
        withPhrases ? observed[2] : Double.NaN,
        withPhrases ? outcome.pValue(2, STATISTICS) : Double.NaN);
  }

  private static List<float[]> vectors(List<DriftSample> samples, boolean withStyle) {
    List<float[]> vectors = new ArrayList<>(samples.size());
    for (DriftSample sample : samples) {
      vectors.add(withStyle ? sample.testVector() : sample.embedding());
    }
    return vectors;
  }

  /** Phrase sets are computed here, not kept with each sample, to spare the monitor's memory. */
  private static List<int[]> phrases(List<DriftSample> samples) {
    List<int[]> phrases = new ArrayList<>(samples.size());
    for (DriftSample sample : samples) {
      phrases.add(PhraseSet.of(sample.text()));
    }
    return phrases;
  }

  private static List<float[]> profiles(List<DriftSample> samples) {
    List<float[]> profiles = new ArrayList<>(samples.size());
    for (DriftSample sample : samples) {
      profiles.add(sample.profile());
    }
    return profiles;
  }
}
