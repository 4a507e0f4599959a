package dev.lookout.bench.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one drift benchmark run, parsed from {@code --key value} arguments.
 *
 * @param traffic folder of the traffic JSON-lines files
 * @param baselineSize responses per baseline
 * @param windowSizes window sizes to test
 * @param stationaryWindows windows per stationary case, for the false-positive rate
 * @param shiftWindows windows per shifted case, for the detection rate
 * @param permutations permutations per test
 * @param alpha level of each test
 * @param threads threads for embedding and testing
 * @param batchSize texts per embedding call in the batched run
 * @param seed seed of every random draw
 * @param markdownOut file the tables are also written to, or null
 * @param cache file of saved embeddings, read when it matches the texts and written otherwise, or
 *     null
 * @param speedSample texts timed in batches for the speed table
 * @param speedOnly whether to print the embedding speed and stop
 * @param style whether the test compares embeddings with style features appended, as the gateway
 *     does, or embeddings alone
 * @param profile whether the word-profile test runs beside the MMD test, as in the gateway
 * @param phrase whether the phrase test runs beside the word-profile test, as in the gateway
 * @param only runs only the scenarios whose name contains this text; empty for all
 */
record DriftBenchOptions(
    Path traffic,
    int baselineSize,
    List<Integer> windowSizes,
    int stationaryWindows,
    int shiftWindows,
    int permutations,
    double alpha,
    int threads,
    int batchSize,
    long seed,
    Path markdownOut,
    Path cache,
    int speedSample,
    boolean style,
    boolean profile,
    boolean phrase,
    String only,
    boolean speedOnly) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -cp lookout-bench.jar dev.lookout.bench.drift.DriftBenchmark [options]",
          "",
          "  --traffic DIR             traffic data folder (default: shared/data/traffic found"
              + " walking up from here)",
          "  --baseline N              responses per baseline (default: 500)",
          "  --sizes A,B,C             window sizes (default: 100,200,500)",
          "  --stationary-windows N    windows per stationary case (default: 300)",
          "  --shift-windows N         windows per shifted case (default: 100)",
          "  --permutations N          permutations per test (default: 1000, as the gateway)",
          "  --alpha X                 level of each test (default: 0.01)",
          "  --threads N               threads for embedding and testing (default: 2)",
          "  --batch N                 texts per embedding call (default: 64)",
          "  --seed N                  random seed (default: 1)",
          "  --markdown-out FILE       also write the tables to FILE",
          "  --cache FILE              reuse the embeddings saved in FILE, or save them there",
          "  --speed-sample N          texts timed in batches; 0 skips the speed table"
              + " (default: 1000)",
          "  --style BOOL              append style features to embeddings (default: true)",
          "  --profile BOOL            add the word-profile test (default: true)",
          "  --phrase BOOL             add the phrase test; needs --profile true (default: true)",
          "  --only TEXT               run only the scenarios whose name contains TEXT",
          "  --speed-only BOOL         measure the embedding speed only (default: false)");

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option when one is unknown, missing its value or
   *     invalid
   */
  static DriftBenchOptions parse(String[] args) {
    Path traffic = null;
    int baseline = 500;
    List<Integer> sizes = List.of(100, 200, 500);
    int stationary = 300;
    int shift = 100;
    int permutations = 1000;
    double alpha = 0.01;
    int threads = 2;
    int batch = 64;
    long seed = 1;
    Path markdown = null;
    Path cache = null;
    int speedSample = 1000;
    boolean style = true;
    boolean profile = true;
    boolean phrase = true;
    String only = "";
    boolean speedOnly = false;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--traffic" -> traffic = Path.of(value);
        case "--baseline" -> baseline = positive(name, value);
        case "--sizes" -> {
          List<Integer> parsed = new ArrayList<>();
          for (String part : value.split(",")) {
            parsed.add(positive(name, part.trim()));
          }
          sizes = List.copyOf(parsed);
        }
        case "--stationary-windows" -> stationary = positive(name, value);
        case "--shift-windows" -> shift = positive(name, value);
        case "--permutations" -> permutations = positive(name, value);
        case "--alpha" -> alpha = Double.parseDouble(value);
        case "--threads" -> threads = positive(name, value);
        case "--batch" -> batch = positive(name, value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--markdown-out" -> markdown = Path.of(value);
        case "--cache" -> cache = Path.of(value);
        case "--speed-sample" -> speedSample = nonNegative(name, value);
        case "--style" -> style = Boolean.parseBoolean(value);
        case "--profile" -> profile = Boolean.parseBoolean(value);
        case "--phrase" -> phrase = Boolean.parseBoolean(value);
        case "--only" -> only = value;
        case "--speed-only" -> speedOnly = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    if (traffic == null) {
      traffic = DriftBenchmark.defaultTraffic();
    }
    return new DriftBenchOptions(
        traffic,
        baseline,
        sizes,
        stationary,
        shift,
        permutations,
        alpha,
        threads,
        batch,
        seed,
        markdown,
        cache,
        speedSample,
        style,
        profile,
        phrase,
        only,
        speedOnly);
  }

  private static int nonNegative(String name, String value) {
    int parsed = whole(name, value);
    if (parsed < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, got " + parsed);
    }
    return parsed;
  }

  private static int positive(String name, String value) {
    int parsed = whole(name, value);
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + parsed);
    }
    return parsed;
  }

  private static int whole(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }
}
