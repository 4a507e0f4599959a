package dev.lookout.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The drift test the gateway, {@code lookout drift check} and the benchmark run: the {@link
 * MmdTest} on embeddings with style features appended, the {@link ProfileShiftTest} on word
 * profiles and the {@link PhraseShiftTest} on phrases, joined by Bonferroni ({@link
 * MmdResult#withWordTests}). The first finds changes of topic, task and length. The second finds a
 * model that writes differently about the same topics. The third finds a share of responses whose
 * author has phrases of its own.
 */
public final class DriftTest {
  private final MmdTest mmd;
  private final ProfileShiftTest profile;
  private final PhraseShiftTest phrase;

  /**
   * Creates a test.
   *
   * @param permutations random relabelings per test, for each of the three tests; at least 1
   * @param farthest how many window texts to report as farthest from the baseline; 0 or more
   * @throws IllegalArgumentException if a count is out of range
   */
  public DriftTest(int permutations, int farthest) {
    this.mmd = new MmdTest(permutations, farthest);
    this.profile = new ProfileShiftTest(permutations);
    this.phrase = new PhraseShiftTest(permutations);
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
    return embedding.withWordTests(
        profile.run(profiles(baseline), profiles(window), random),
        phrase.run(phrases(baseline), phrases(window), random));
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
    MmdResult embedding = mmd.run(products, baselineProfiles.size(), random);
    ProfileShiftTest.Result profiles = profile.run(baselineProfiles, windowProfiles, random);
    PhraseShiftTest.Result phrases =
        baselinePhrases == null || windowPhrases == null
            ? null
            : phrase.run(baselinePhrases, windowPhrases, random);
    return embedding.withWordTests(profiles, phrases);
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
