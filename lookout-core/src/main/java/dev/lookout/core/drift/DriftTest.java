package dev.lookout.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The drift test the gateway, {@code lookout drift check} and the benchmark run: the {@link
 * MmdTest} on embeddings with style features appended, and the {@link ProfileShiftTest} on word
 * profiles, joined by Bonferroni ({@link MmdResult#withProfile}). The first finds changes of topic,
 * task and length; the second finds a model that writes differently about the same topics.
 */
public final class DriftTest {
  private final MmdTest mmd;
  private final ProfileShiftTest profile;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings per test, for each of the two tests; at least 1
   * @param farthest how many window texts to report as farthest from the baseline; 0 or more
   * @throws IllegalArgumentException if a count is out of range
   */
  public DriftTest(int permutations, int farthest) {
    this.mmd = new MmdTest(permutations, farthest);
    this.profile = new ProfileShiftTest(permutations);
  }

  /** Returns the number of random relabelings per test. */
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
    MmdResult embedding =
        mmd.run(
                DotProducts.of(vectors(baseline, true), vectors(window, true)),
                baseline.size(),
                random)
            .withDistance(
                UnitVectors.centroidDistance(vectors(baseline, false), vectors(window, false)));
    return embedding.withProfile(profile.run(profiles(baseline), profiles(window), random));
  }

  /**
   * Tests a window against a baseline whose dot products are already computed, as the benchmark
   * does over a shared Gram matrix.
   */
  public MmdResult run(
      DotProducts products,
      List<float[]> baselineProfiles,
      List<float[]> windowProfiles,
      SplittableRandom random) {
    return mmd.run(products, baselineProfiles.size(), random)
        .withProfile(profile.run(baselineProfiles, windowProfiles, random));
  }

  private static List<float[]> vectors(List<DriftSample> samples, boolean withStyle) {
    List<float[]> vectors = new ArrayList<>(samples.size());
    for (DriftSample sample : samples) {
      vectors.add(withStyle ? sample.testVector() : sample.embedding());
    }
    return vectors;
  }

  private static List<float[]> profiles(List<DriftSample> samples) {
    List<float[]> profiles = new ArrayList<>(samples.size());
    for (DriftSample sample : samples) {
      profiles.add(sample.profile());
    }
    return profiles;
  }
}
