package dev.lookout.bench.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one {@link DriftPowerReference} run, parsed from {@code --key value} arguments.
 *
 * @param traffic folder of the traffic JSON-lines files
 * @param cache file of saved embeddings, read when it matches the texts and written otherwise, or
 *     null
 * @param windows windows drawn per row
 * @param baselineSize largest baseline; a smaller one is used where the testing half is too small
 * @param windowSizes window sizes
 * @param fractions shares of source B in a window, 0 for the false-positive rate
 * @param alpha level of the z-test
 * @param folds cross-validation folds for the choice of penalty
 * @param phraseFeatures phrases selected as features of the phrase discriminants
 * @param seed seed of the prompt split and of every window draw
 * @param only runs only the scenarios whose label contains this text; empty for all
 * @param markdownOut file the tables are also written to, or null
 */
record ReferenceOptions(
    Path traffic,
    Path cache,
    int windows,
    int baselineSize,
    List<Integer> windowSizes,
    List<Double> fractions,
    double alpha,
    int folds,
    int phraseFeatures,
    long seed,
    String only,
    Path markdownOut) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -cp lookout-bench.jar dev.lookout.bench.drift.DriftPowerReference"
              + " [options]",
          "",
          "  --traffic DIR        traffic data folder (default: shared/data/traffic found walking"
              + " up from here)",
          "  --cache FILE         reuse the embeddings saved in FILE by DriftBenchmark, or save"
              + " them there",
          "  --windows N          windows drawn per row (default: 1000)",
          "  --baseline N         largest baseline (default: 500)",
          "  --sizes A,B          window sizes (default: 200,500)",
          "  --fractions A,B,C    shares of source B in a window (default: 0,0.2,0.5)",
          "  --alpha X            level of the one-sided z-test (default: 0.01)",
          "  --folds N            cross-validation folds for the penalty (default: 5)",
          "  --phrases N          phrases selected on the fitting half as features"
              + " (default: 300)",
          "  --seed N             random seed (default: 1)",
          "  --only TEXT          run only the scenarios whose label contains TEXT",
          "  --markdown-out FILE  also write the tables to FILE");

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option when one is unknown, missing its value or
   *     invalid
   */
  static ReferenceOptions parse(String[] args) {
    Path traffic = null;
    Path cache = null;
    int windows = 1000;
    int baseline = 500;
    List<Integer> sizes = List.of(200, 500);
    List<Double> fractions = List.of(0.0, 0.2, 0.5);
    double alpha = 0.01;
    int folds = 5;
    int phraseFeatures = 300;
    long seed = 1;
    String only = "";
    Path markdown = null;

    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--traffic" -> traffic = Path.of(value);
        case "--cache" -> cache = Path.of(value);
        case "--windows" -> windows = atLeast(name, value, 1);
        case "--baseline" -> baseline = atLeast(name, value, 2);
        case "--sizes" -> {
          List<Integer> parsed = new ArrayList<>();
          for (String part : value.split(",")) {
            parsed.add(atLeast(name, part.trim(), 2));
          }
          sizes = List.copyOf(parsed);
        }
        case "--fractions" -> {
          List<Double> parsed = new ArrayList<>();
          for (String part : value.split(",")) {
            parsed.add(share(name, part.trim()));
          }
          fractions = List.copyOf(parsed);
        }
        case "--alpha" -> alpha = share(name, value);
        case "--folds" -> folds = atLeast(name, value, 2);
        case "--phrases" -> phraseFeatures = atLeast(name, value, 1);
        case "--seed" -> seed = Long.parseLong(value);
        case "--only" -> only = value;
        case "--markdown-out" -> markdown = Path.of(value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }

    if (traffic == null) {
      traffic = DriftBenchmark.defaultTraffic();
    }
    return new ReferenceOptions(
        traffic,
        cache,
        windows,
        baseline,
        sizes,
        fractions,
        alpha,
        folds,
        phraseFeatures,
        seed,
        only,
        markdown);
  }

  private static double share(String name, String value) {
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
    }
    if (!(parsed >= 0 && parsed <= 1)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1, got " + value);
    }
    return parsed;
  }

  private static int atLeast(String name, String value, int minimum) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
    if (parsed < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + parsed);
    }
    return parsed;
  }
}
