package dev.lookout.cli.experiment;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Experiments from {@code --variants NAME=WEIGHT,...} or from {@code lookout.yaml}. */
final class VariantWeights {
  private VariantWeights() {}

  /**
   * Parses {@code a=0.5,b=0.5} into variants without templates.
   *
   * @throws IllegalArgumentException naming the option and the malformed entry
   */
  static List<Variant> parse(String option, String text) {
    List<Variant> variants = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] pair = part.trim().split("=", 2);
      try {
        if (pair.length != 2) {
          throw new NumberFormatException("no '='");
        }
        variants.add(new Variant(pair[0].trim(), Double.parseDouble(pair[1].trim()), null));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " entry '" + part + "' must be NAME=WEIGHT, for example a=0.5,b=0.5", e);
      }
    }
    return variants;
  }

  /**
   * Returns the experiment with this id from the configuration file that {@code lookout serve}
   * would read ({@code --config}, else {@code LOOKOUT_CONFIG}, else {@code ./lookout.yaml}).
   *
   * @throws IllegalArgumentException if no experiment has that id; the message lists the known ids
   */
  static Experiment fromConfig(String id, Path config) {
    ServeOptions options = new ServeOptions();
    options.config = config;
    List<Experiment> experiments = new ConfigLoader(System.getenv()).load(options).experiments();
    for (Experiment experiment : experiments) {
      if (experiment.id().equals(id)) {
        return experiment;
      }
    }
    throw new IllegalArgumentException(
        "No experiment '"
            + id
            + "' in the configuration"
            + (config == null ? " (--config, LOOKOUT_CONFIG or ./lookout.yaml)" : " " + config)
            + "; known experiments: "
            + experiments.stream().map(Experiment::id).toList()
            + ". Add it under experiments:, or pass --variants NAME=WEIGHT,...");
  }
}
