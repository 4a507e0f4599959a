package dev.lookout.core.experiment;

import dev.lookout.core.experiment.stats.SampleSummary;
import java.util.Map;

/**
 * Observed data of one experiment, reduced to sufficient statistics.
 *
 * @param unitsPerVariant assigned units (users, or rows of an input file) per variant, for the
 *     sample-ratio check
 * @param metrics per metric name, the summary of its values per variant
 * @param kinds per metric name, whether it is a rate or a mean
 */
public record ExperimentData(
    Map<String, Long> unitsPerVariant,
    Map<String, Map<String, SampleSummary>> metrics,
    Map<String, MetricKind> kinds) {

  public ExperimentData {
    unitsPerVariant = Map.copyOf(unitsPerVariant);
    metrics = Map.copyOf(metrics);
    kinds = Map.copyOf(kinds);
  }
}
