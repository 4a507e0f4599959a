package dev.lookout.cli.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.DriftTest;
import dev.lookout.core.drift.MmdResult;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.core.drift.WindowDistance;
import dev.lookout.embeddings.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lookout drift check}: tests whether a window file's responses drifted from a baseline. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Test whether the responses of a window file come from the same distribution as those of a"
          + " baseline file: an MMD permutation test on all-MiniLM-L6-v2 embeddings with style"
          + " features, a permutation test on word profiles (function-word and punctuation"
          + " rates) and one on phrases (words, word pairs, openings and endings), over the same"
          + " relabelings and joined by one permutation test on the product and the smallest of"
          + " their p-values.",
      "Each file is JSON lines with the text in \"response\" or \"text\"; blank responses are"
          + " left out.",
      "Exit status: 0 no drift detected, 1 drifted, 2 invalid input."
    })
public final class DriftCheckCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Exit status when the window drifted. */
  static final int DRIFTED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "Baseline.")
  Path baseline;

  @Option(names = "--window", required = true, paramLabel = "FILE", description = "Window.")
  Path window;

  @Option(
      names = "--alpha",
      paramLabel = "X",
      description = "Drifted when the p-value is at most this (default: 0.01).")
  double alpha = DriftSettings.DEFAULT_ALPHA;

  @Option(
      names = "--permutations",
      paramLabel = "N",
      description = "Random relabelings of the permutation test (default: 1000).")
  int permutations = MmdTest.DEFAULT_PERMUTATIONS;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the permutations, for a repeatable p-value (default: random).")
  Long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  @Override
  public Integer call() {
    boolean json = OutputFormat.isJson(format);
    DriftSettings.checkTest(alpha, "--alpha", permutations, "--permutations");
    ResponseFile.Contents baselineContents = ResponseFile.read("--baseline", baseline);
    ResponseFile.Contents windowContents = ResponseFile.read("--window", window);
    baselineContents.reportBlank("--baseline", baseline, spec.commandLine().getErr());
    windowContents.reportBlank("--window", window, spec.commandLine().getErr());
    List<String> baselineTexts = baselineContents.texts();
    List<String> windowTexts = windowContents.texts();
    if (baselineTexts.size() < 2 || windowTexts.size() < 2) {
      throw new IllegalArgumentException(
          "drift check needs at least 2 non-blank responses in each file; --baseline has "
              + baselineTexts.size()
              + " and --window "
              + windowTexts.size());
    }
    requireReachableAlpha(baselineTexts.size(), windowTexts.size(), alpha);
    requireMemory(baselineTexts.size() + windowTexts.size());
    MmdResult result;
    try (MiniLmEmbedder embedder =
        MiniLmEmbedder.quantized(Runtime.getRuntime().availableProcessors())) {
      List<DriftSample> baselineSamples = samples(baselineTexts, embedder);
      List<DriftSample> windowSamples = samples(windowTexts, embedder);
      SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
      result =
          new DriftTest(permutations, MmdTest.DEFAULT_FARTHEST)
              .run(baselineSamples, windowSamples, random);
    }
    if (json) {
      System.out.println(json(result, windowTexts));
    } else {
      System.out.print(table(result, windowTexts));
    }
    // Like diff: 1 reports a finding, so a script can branch on drift without parsing output.
    return result.drifted(alpha) ? DRIFTED : 0;
  }

  /**
   * Fails when no split of the responses could give a p-value of at most {@code alpha}. A
   * permutation p-value is at least 1 over the number of distinct splits of the pooled responses
   * into groups of the two sizes. Groups of equal size count each split once, because swapping them
   * leaves every statistic unchanged. So 2 against 2 responses allow 3 splits, and p is never below
   * 1/3.
   */
  static void requireReachableAlpha(int baselineSize, int windowSize, double alpha) {
    if (distinctSplits(baselineSize, windowSize) * alpha >= 1) {
      return;
    }
    int perFile = 2;
    while (distinctSplits(perFile, perFile) * alpha < 1) {
      perFile++;
    }
    throw new IllegalArgumentException(
        "drift check cannot reach --alpha "
            + alpha
            + " with "
            + baselineSize
            + " baseline and "
            + windowSize
            + " window responses: their p-value is at least "
            + String.format(Locale.ROOT, "%.3g", 1 / distinctSplits(baselineSize, windowSize))
            + ". Give each file at least "
            + perFile
            + " non-blank responses, or raise --alpha");
  }

  /** Returns the number of distinct splits into groups of the two sizes, as a double. */
  private static double distinctSplits(int first, int second) {
    double logSplits = 0;
    for (int i = 1; i <= Math.min(first, second); i++) {
      logSplits += Math.log((double) (Math.max(first, second) + i) / i);
    }
    double splits = Math.exp(logSplits);
    return first == second ? splits / 2 : splits;
  }

  /**
   * Fails before embedding when the test's two n-by-n matrices of doubles (dot products and kernel)
   * would not fit in the heap.
   */
  private static void requireMemory(int responses) {
    long needed = 16L * responses * responses;
    long heap = Runtime.getRuntime().maxMemory();
    if (needed > heap * 0.8) {
      throw new IllegalArgumentException(
          "--baseline and --window hold "
              + responses
              + " responses together; testing them needs about "
              + needed / (1024 * 1024)
              + " MiB of memory, more than the "
              + heap / (1024 * 1024)
              + " MiB heap allows. Test a random sample of a few thousand responses, or raise the"
              + " heap with LOOKOUT_JAVA_OPTS=-Xmx...");
    }
  }

  private static List<DriftSample> samples(List<String> texts, MiniLmEmbedder embedder) {
    List<float[]> vectors = embedder.embed(texts);
    List<DriftSample> samples = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      samples.add(DriftSample.of(texts.get(i), vectors.get(i)));
    }
    return samples;
  }

  private String json(MmdResult result, List<String> windowTexts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("drifted", result.drifted(alpha));
    root.put("p_value", result.pValue());
    root.put("statistic", result.statistic());
    root.put("distance", result.distance());
    root.put("baseline_n", result.baselineN());
    root.put("window_n", result.windowN());
    root.put("alpha", alpha);
    root.put("embedding_p_value", result.embeddingPValue());
    root.put("profile_statistic", result.profileStatistic());
    root.put("profile_p_value", result.profilePValue());
    root.put("phrase_statistic", result.phraseStatistic());
    root.put("phrase_p_value", result.phrasePValue());
    ArrayNode responsible = root.putArray("responsible");
    for (WindowDistance far : result.farthest()) {
      responsible
          .addObject()
          .put("text", windowTexts.get(far.windowIndex()))
          .put("distance", far.distance());
    }
    return root.toString();
  }

  private String table(MmdResult result, List<String> windowTexts) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: p-value %.4f (alpha %s; embeddings %.4f, word profile %.4f, phrases %.4f),"
                + " MMD² %.5f,"
                + " centroid distance %.4f, baseline %d, window %d%n",
            result.drifted(alpha) ? "DRIFTED" : "no drift detected",
            result.pValue(),
            alpha,
            result.embeddingPValue(),
            result.profilePValue(),
            result.phrasePValue(),
            result.statistic(),
            result.distance(),
            result.baselineN(),
            result.windowN()));
    out.append("Window responses farthest from the baseline:\n");
    for (WindowDistance far : result.farthest()) {
      String text = windowTexts.get(far.windowIndex()).replaceAll("\\s+", " ");
      out.append(
          String.format(
              Locale.ROOT,
              "  %.3f  %s%n",
              far.distance(),
              text.length() > 100 ? text.substring(0, 100) + "..." : text));
    }
    return out.toString();
  }
}
