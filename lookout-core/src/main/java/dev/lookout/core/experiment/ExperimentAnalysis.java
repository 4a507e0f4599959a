package dev.lookout.core.experiment;

import java.util.Map;

/**
 * The analysis of one experiment.
 *
 * @param experiment the analysed experiment
 * @param unitsPerVariant units counted for the sample-ratio check
 * @param srmPValue p-value of the sample-ratio-mismatch check, null when it cannot be computed
 * @param srmMismatch whether {@code srmPValue} is below 0.001
 * @param kinds per metric, rate or mean
 * @param metrics per metric, then per variant (control first), the figures
 */
public record ExperimentAnalysis(
    Experiment experiment,
    Map<String, Long> unitsPerVariant,
    Double srmPValue,
    boolean srmMismatch,
    Map<String, MetricKind> kinds,
    Map<String, Map<String, VariantResult>> metrics) {

  /** Name of the multiple-testing correction applied to the adjusted p-values. */
  public static final String CORRECTION = "holm";
}
