package dev.lookout.bench.drift;

import dev.lookout.core.drift.DriftTest;
import dev.lookout.core.drift.MmdResult;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.core.drift.PhraseSet;
import dev.lookout.core.drift.StyleFeatures;
import dev.lookout.core.drift.UnitVectors;
import dev.lookout.core.drift.WordProfile;
import dev.lookout.embeddings.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the drift test on real responses: the false-positive rate over many stationary windows
 * and the detection rate of shifted ones, at several window sizes, plus embedding speed. Every text
 * is embedded once; windows are drawn from the cached embeddings. Prints Markdown tables.
 */
public final class DriftBenchmark {
  private final DriftBenchOptions options;

  private DriftBenchmark(DriftBenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(DriftBenchOptions.USAGE);
      return;
    }
    DriftBenchOptions options;
    try {
      options = DriftBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("drift-bench: " + e.getMessage());
      System.err.println(DriftBenchOptions.USAGE);
      System.exit(2);
      return;
    }
    String markdown = new DriftBenchmark(options).run();
    System.out.println(markdown);
    if (options.markdownOut() != null) {
      Files.writeString(options.markdownOut(), markdown);
    }
  }

  private String run() throws Exception {
    StringBuilder out = new StringBuilder();
    TrafficTexts texts = TrafficTexts.read(options.traffic(), DriftScenarios.FILES);
    List<String> responses = texts.all().stream().map(TrafficText::response).toList();
    List<float[]> vectors;
    String speed;
    List<float[]> cached = EmbeddingCache.read(options.cache(), responses).orElse(null);
    try (MiniLmEmbedder embedder = MiniLmEmbedder.quantized(options.threads())) {
      EmbeddingSpeed measured =
          EmbeddingSpeed.measure(
              embedder, responses, options.batchSize(), options.speedSample(), cached);
      vectors = measured.vectors();
      speed = measured.table(options.threads(), options.batchSize());
    }
    if (options.cache() != null && cached == null) {
      EmbeddingCache.write(options.cache(), responses, vectors);
    }
    if (options.speedOnly()) {
      return speed;
    }
    long gramStart = System.nanoTime();
    List<float[]> testVectors = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      testVectors.add(
          options.style()
              ? StyleFeatures.append(vectors.get(i), StyleFeatures.of(responses.get(i)))
              : vectors.get(i));
    }
    GramMatrix gram = GramMatrix.compute(testVectors, options.threads());
    List<float[]> profiles = responses.stream().map(WordProfile::of).toList();
    List<int[]> phrases = responses.stream().map(PhraseSet::of).toList();
    double gramSeconds = (System.nanoTime() - gramStart) / 1e9;
    List<Scenario> scenarios = DriftScenarios.all(texts);
    List<CaseResult> results = new ArrayList<>();
    long testStart = System.nanoTime();
    int windowsRun = 0;
    for (Scenario scenario : scenarios) {
      if (!scenario.name().contains(options.only())) {
        continue;
      }
      for (int size : options.windowSizes()) {
        int windows = scenario.shifted() ? options.shiftWindows() : options.stationaryWindows();
        Optional<CaseResult> result =
            runCase(gram, vectors, profiles, phrases, scenario, size, windows);
        result.ifPresent(results::add);
        if (result.isPresent()) {
          windowsRun += windows;
        }
      }
    }
    double testSeconds = (System.nanoTime() - testStart) / 1e9;
    out.append(speed).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%d texts embedded once; Gram matrix in %.1f s; %d windows tested in %.1f s"
                + " (%d permutations each, %d threads); test vectors: %s; word-profile test:"
                + " %s; phrase test: %s.%n%n",
            responses.size(),
            gramSeconds,
            windowsRun,
            testSeconds,
            options.permutations(),
            options.threads(),
            options.style() ? "embedding and style features" : "embedding only",
            options.profile() ? "on" : "off",
            options.profile() && options.phrase() ? "on" : "off"));
    out.append(ResultTable.stationary(results, options));
    out.append('\n');
    out.append(ResultTable.shifted(results, options));
    return out.toString();
  }

  private Optional<CaseResult> runCase(
      GramMatrix gram,
      List<float[]> embeddings,
      List<float[]> profiles,
      List<int[]> phrases,
      Scenario scenario,
      int size,
      int windows)
      throws Exception {
    SplittableRandom seeds =
        new SplittableRandom(options.seed() ^ (31L * scenario.name().hashCode() + size));
    if (scenario.sampler().draw(options.baselineSize(), size, seeds.split()).isEmpty()) {
      return Optional.empty();
    }
    MmdTest mmd = new MmdTest(options.permutations(), 0);
    DriftTest test = new DriftTest(options.permutations(), 0);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<MmdResult>> futures = new ArrayList<>();
      for (int w = 0; w < windows; w++) {
        SplittableRandom random = seeds.split();
        futures.add(
            pool.submit(
                () -> {
                  WindowDraw draw =
                      scenario.sampler().draw(options.baselineSize(), size, random).orElseThrow();
                  MmdResult result =
                      options.profile()
                          ? test.run(
                              gram.view(draw.baseline(), draw.window()),
                              pick(profiles, draw.baseline()),
                              pick(profiles, draw.window()),
                              options.phrase() ? pick(phrases, draw.baseline()) : null,
                              options.phrase() ? pick(phrases, draw.window()) : null,
                              random)
                          : mmd.run(
                              gram.view(draw.baseline(), draw.window()),
                              draw.baseline().length,
                              random);
                  return result.withDistance(
                      UnitVectors.centroidDistance(
                          pick(embeddings, draw.baseline()), pick(embeddings, draw.window())));
                }));
      }
      int detected = 0;
      // Windows whose test's own p-value is at most its Bonferroni share of alpha, as in the
      // tables of earlier runs. The joint p-value decides the detected count.
      int[] byTest = new int[3];
      double distance = 0;
      double statistic = 0;
      for (Future<MmdResult> future : futures) {
        MmdResult result = future.get();
        if (result.drifted(options.alpha())) {
          detected++;
        }
        double[] parts = {result.embeddingPValue(), result.profilePValue(), result.phrasePValue()};
        int tests = (int) Arrays.stream(parts).filter(p -> !Double.isNaN(p)).count();
        for (int t = 0; t < parts.length; t++) {
          if (parts[t] * tests <= options.alpha()) {
            byTest[t]++;
          }
        }
        distance += result.distance();
        statistic += result.statistic();
      }
      System.err.printf(
          Locale.ROOT,
          "drift-bench: %s, window %d: %d/%d (embedding %d, profile %d, phrase %d)%n",
          scenario.name(),
          size,
          detected,
          windows,
          byTest[0],
          byTest[1],
          byTest[2]);
      return Optional.of(
          new CaseResult(
              scenario,
              size,
              new RateInterval(detected, windows),
              distance / windows,
              statistic / windows));
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> List<T> pick(List<T> vectors, int[] indices) {
    List<T> picked = new ArrayList<>(indices.length);
    for (int index : indices) {
      picked.add(vectors.get(index));
    }
    return picked;
  }

  /** Returns the first folder {@code shared/data/traffic} found walking up from {@code start}. */
  static Optional<Path> findTraffic(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/traffic");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the traffic folder found walking up from the current folder.
   *
   * @throws IllegalArgumentException naming the {@code --traffic} option when there is none
   */
  static Path defaultTraffic() {
    return findTraffic(Path.of(""))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No shared/data/traffic folder above the current folder; pass"
                        + " --traffic DIR"));
  }
}
