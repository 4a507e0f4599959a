package dev.lookout.bench.drift;

import dev.lookout.core.drift.PhraseSet;
import dev.lookout.core.drift.StyleFeatures;
import dev.lookout.core.drift.WordProfile;
import dev.lookout.embeddings.MiniLmEmbedder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Measures how often a test that is given the direction of a change in advance finds a mixture, as
 * an optimistic reference for what a drift test on the same features could reach. For two sources A
 * and B it splits the prompts in halves. On the fitting half it fits a linear discriminant between
 * A's and B's texts (see {@link Discriminant}) on the drift test's features. On the testing half it
 * draws baselines and windows as DriftBenchmark does and applies a one-sided z-test to the mean
 * discriminant score. A drift monitor is never given the direction and must look in every direction
 * at once. The reference is no strict ceiling either: a discriminant that is not linear, or fitted
 * on more texts, could find more.
 */
public final class DriftPowerReference {
  private final ReferenceOptions options;
  private final List<float[]> embeddingsAndStyle;
  private final List<float[]> profiles;
  private final List<int[]> phrases;

  private DriftPowerReference(
      ReferenceOptions options,
      List<float[]> embeddingsAndStyle,
      List<float[]> profiles,
      List<int[]> phrases) {
    this.options = options;
    this.embeddingsAndStyle = embeddingsAndStyle;
    this.profiles = profiles;
    this.phrases = phrases;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(ReferenceOptions.USAGE);
      return;
    }
    ReferenceOptions options;
    try {
      options = ReferenceOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("drift-reference: " + e.getMessage());
      System.err.println(ReferenceOptions.USAGE);
      System.exit(2);
      return;
    }

    TrafficTexts texts = TrafficTexts.read(options.traffic(), DriftScenarios.FILES);
    List<String> responses = texts.all().stream().map(TrafficText::response).toList();
    List<float[]> embeddings = embeddings(options, responses);
    List<float[]> embeddingsAndStyle = new ArrayList<>(responses.size());
    for (int i = 0; i < responses.size(); i++) {
      embeddingsAndStyle.add(
          StyleFeatures.append(embeddings.get(i), StyleFeatures.of(responses.get(i))));
    }
    List<float[]> profiles = responses.stream().map(WordProfile::of).toList();
    List<int[]> phrases = responses.stream().map(PhraseSet::of).toList();

    String markdown =
        new DriftPowerReference(options, embeddingsAndStyle, profiles, phrases)
            .run(ReferenceScenario.all(texts));
    System.out.println(markdown);
    if (options.markdownOut() != null) {
      Files.writeString(options.markdownOut(), markdown);
    }
  }

  /** Returns the cached embeddings, or embeds every text on one thread and saves them. */
  private static List<float[]> embeddings(ReferenceOptions options, List<String> responses)
      throws Exception {
    List<float[]> cached = EmbeddingCache.read(options.cache(), responses).orElse(null);
    if (cached != null) {
      return cached;
    }
    List<float[]> vectors;
    try (MiniLmEmbedder embedder = MiniLmEmbedder.quantized(1)) {
      vectors = EmbeddingSpeed.measure(embedder, responses, 64, 0, null).vectors();
    }
    if (options.cache() != null) {
      EmbeddingCache.write(options.cache(), responses, vectors);
    }
    return vectors;
  }

  private String run(List<ReferenceScenario> scenarios) {
    List<ReferenceTable.Fit> fits = new ArrayList<>();
    List<ReferenceTable.Windows> rows = new ArrayList<>();
    long start = System.nanoTime();
    for (ReferenceScenario scenario : scenarios) {
      if (scenario.label().contains(options.only())) {
        measure(scenario, fits, rows);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
            Locale.ROOT,
            "Fitted and tested in %.0f s; %d-fold cross-validation over penalties %s; up to %d"
                + " phrases.%n%n",
            seconds,
            options.folds(),
            Arrays.toString(Discriminant.PENALTIES),
            options.phraseFeatures())
        + ReferenceTable.fits(fits)
        + '\n'
        + ReferenceTable.windows(rows, options.alpha());
  }

  private void measure(
      ReferenceScenario scenario,
      List<ReferenceTable.Fit> fits,
      List<ReferenceTable.Windows> rows) {
    long start = System.nanoTime();
    PromptSplit split = PromptSplit.of(scenario.both(), options.seed());
    List<TrafficText> fitBase = split.half(scenario.base(), true);
    List<TrafficText> fitOther = split.half(scenario.other(), true);
    List<TrafficText> testBase = split.half(scenario.base(), false);
    List<TrafficText> testOther = split.half(scenario.other(), false);
    PhraseVocabulary vocabulary =
        PhraseVocabulary.select(
            pickPhrases(fitBase), pickPhrases(fitOther), options.phraseFeatures());
    FeatureSet[] sets = FeatureSet.values();
    double[][] scores = new double[sets.length][];
    double[] auc = new double[sets.length];
    double[] penalty = new double[sets.length];
    for (int s = 0; s < sets.length; s++) {
      Discriminant discriminant = fit(sets[s], vocabulary, split, fitBase, fitOther);
      penalty[s] = discriminant.penalty();
      scores[s] = new double[embeddingsAndStyle.size()];
      Arrays.fill(scores[s], Double.NaN);
      for (List<TrafficText> half : List.of(testBase, testOther)) {
        for (TrafficText text : half) {
          scores[s][text.index()] = discriminant.score(features(sets[s], vocabulary, text));
        }
      }
      auc[s] = RankAuc.of(pick(scores[s], testBase), pick(scores[s], testOther));
    }
    fits.add(
        new ReferenceTable.Fit(
            scenario,
            new int[] {fitBase.size(), fitOther.size()},
            new int[] {testBase.size(), testOther.size()},
            auc,
            penalty));
    System.err.printf(
        Locale.ROOT,
        "drift-reference: %s: %d phrases, AUC %s, penalties %s, fitted in %.1f s%n",
        scenario.label(),
        vocabulary.size(),
        Arrays.toString(auc),
        Arrays.toString(penalty),
        (System.nanoTime() - start) / 1e9);
    for (int size : options.windowSizes()) {
      int baseline = largestBaseline(scenario.sampler(testBase, testOther, 0), size);
      if (baseline < 2) {
        System.err.printf(
            Locale.ROOT,
            "drift-reference: %s: no baseline fits beside a window of %d%n",
            scenario.label(),
            size);
        continue;
      }
      for (double fraction : options.fractions()) {
        Scenario sampler = scenario.sampler(testBase, testOther, fraction);
        windows(sampler, size, baseline, scores).ifPresent(rows::add);
      }
    }
  }

  private Discriminant fit(
      FeatureSet set,
      PhraseVocabulary vocabulary,
      PromptSplit split,
      List<TrafficText> base,
      List<TrafficText> other) {
    int n = base.size() + other.size();
    double[][] x = new double[n][];
    boolean[] positive = new boolean[n];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      TrafficText text = i < base.size() ? base.get(i) : other.get(i - base.size());
      x[i] = features(set, vocabulary, text);
      positive[i] = i >= base.size();
      group[i] = split.group(text);
    }
    return Discriminant.fit(x, positive, group, options.folds());
  }

  /**
   * Draws the row's windows and counts those the z-test finds with each feature set's scores. All
   * feature sets test the same windows. Returns empty when the testing half is too small.
   */
  private Optional<ReferenceTable.Windows> windows(
      Scenario sampler, int size, int baseline, double[][] scores) {
    SplittableRandom seeds =
        new SplittableRandom(options.seed() ^ (31L * sampler.name().hashCode() + size));
    if (sampler.sampler().draw(baseline, size, seeds.split()).isEmpty()) {
      System.err.printf(
          Locale.ROOT,
          "drift-reference: %s, window %d: too few texts for a baseline of %d%n",
          sampler.name(),
          size,
          baseline);
      return Optional.empty();
    }
    int[] hits = new int[scores.length];
    for (int w = 0; w < options.windows(); w++) {
      WindowDraw draw = sampler.sampler().draw(baseline, size, seeds.split()).orElseThrow();
      for (int s = 0; s < scores.length; s++) {
        double p =
            WelchZTest.pValue(pick(scores[s], draw.baseline()), pick(scores[s], draw.window()));
        if (p <= options.alpha()) {
          hits[s]++;
        }
      }
    }
    RateInterval[] found = new RateInterval[scores.length];
    for (int s = 0; s < scores.length; s++) {
      found[s] = new RateInterval(hits[s], options.windows());
    }
    System.err.printf(
        Locale.ROOT,
        "drift-reference: %s, window %d, baseline %d: %s of %d%n",
        sampler.name(),
        size,
        baseline,
        Arrays.toString(hits),
        options.windows());
    return Optional.of(new ReferenceTable.Windows(sampler.name(), size, baseline, found));
  }

  /**
   * Returns the largest baseline, up to the configured size, that {@code stationary} can draw
   * beside a window of {@code size}; 0 when none can. Fewer texts never make a draw possible that
   * more made impossible, so a binary search finds it.
   */
  private int largestBaseline(Scenario stationary, int size) {
    SplittableRandom probe = new SplittableRandom(0);
    int low = 0;
    int high = options.baselineSize();
    while (low < high) {
      int middle = (low + high + 1) / 2;
      if (stationary.sampler().draw(middle, size, probe).isPresent()) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  private double[] features(FeatureSet set, PhraseVocabulary vocabulary, TrafficText text) {
    return set.features(
        embeddingsAndStyle.get(text.index()),
        profiles.get(text.index()),
        vocabulary.indicators(phrases.get(text.index())));
  }

  private List<int[]> pickPhrases(List<TrafficText> texts) {
    return texts.stream().map(text -> phrases.get(text.index())).toList();
  }

  private static double[] pick(double[] scores, int[] indices) {
    double[] picked = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = scores[indices[i]];
    }
    return picked;
  }

  private static double[] pick(double[] scores, List<TrafficText> texts) {
    return pick(scores, TrafficTexts.indices(texts));
  }
}
