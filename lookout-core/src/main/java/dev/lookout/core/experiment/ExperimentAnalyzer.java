package dev.lookout.core.experiment;

import dev.lookout.core.experiment.stats.Comparison;
import dev.lookout.core.experiment.stats.Holm;
import dev.lookout.core.experiment.stats.MixtureSequentialTest;
import dev.lookout.core.experiment.stats.SampleRatioTest;
import dev.lookout.core.experiment.stats.SampleSize;
import dev.lookout.core.experiment.stats.SampleSummary;
import dev.lookout.core.experiment.stats.TwoProportionTest;
import dev.lookout.core.experiment.stats.WelchTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares every variant of an experiment with its control on every metric: differences with 95%
 * intervals and p-values (two-proportion z-test for rates, Welch's t-test for means), relative
 * lift, an always-valid sequential p-value, the sample size still needed for the minimum detectable
 * effect, the sample-ratio check, and Holm's correction over all (metric, variant) comparisons.
 */
public final class ExperimentAnalyzer {
  /** Two-sided significance level of the tests and of the sample size. */
  public static final double ALPHA = 0.05;

  /** Power the sample size is computed for. */
  public static final double POWER = 0.8;

  private ExperimentAnalyzer() {}

  /** Analyses {@code data} of {@code experiment}. Variants absent from the data count as empty. */
  public static ExperimentAnalysis analyze(Experiment experiment, ExperimentData data) {
    List<Long> units = new ArrayList<>();
    Map<String, Long> unitsPerVariant = new LinkedHashMap<>();
    for (Variant variant : experiment.variants()) {
      long count = data.unitsPerVariant().getOrDefault(variant.name(), 0L);
      units.add(count);
      unitsPerVariant.put(variant.name(), count);
    }
    double srm = SampleRatioTest.pValue(units, experiment.normalisedWeights());
    Double srmPValue = finite(srm);

    Map<String, MetricKind> kinds = new LinkedHashMap<>();
    Map<String, Map<String, VariantResult>> metrics = new LinkedHashMap<>();
    for (String metric : metricNames(experiment, data)) {
      MetricKind kind = data.kinds().getOrDefault(metric, MetricKind.MEAN);
      kinds.put(metric, kind);
      Map<String, SampleSummary> samples = data.metrics().getOrDefault(metric, Map.of());
      metrics.put(metric, compareVariants(experiment, kind, samples));
    }
    adjust(metrics);
    return new ExperimentAnalysis(
        experiment,
        unitsPerVariant,
        srmPValue,
        srmPValue != null && srmPValue < SampleRatioTest.THRESHOLD,
        kinds,
        metrics);
  }

  private static List<String> metricNames(Experiment experiment, ExperimentData data) {
    if (!experiment.metrics().isEmpty()) {
      return experiment.metrics();
    }
    return data.metrics().keySet().stream().sorted().toList();
  }

  private static Map<String, VariantResult> compareVariants(
      Experiment experiment, MetricKind kind, Map<String, SampleSummary> samples) {
    SampleSummary empty = new SampleSummary(0, 0, 0);
    SampleSummary control = samples.getOrDefault(experiment.control(), empty);
    Map<String, VariantResult> results = new LinkedHashMap<>();
    results.put(experiment.control(), controlResult(control));
    for (Variant variant : experiment.variants()) {
      if (!variant.name().equals(experiment.control())) {
        SampleSummary treatment = samples.getOrDefault(variant.name(), empty);
        results.put(variant.name(), compare(experiment, kind, treatment, control));
      }
    }
    return results;
  }

  private static VariantResult controlResult(SampleSummary control) {
    return new VariantResult(
        control.n(),
        finite(control.mean()),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static VariantResult compare(
      Experiment experiment, MetricKind kind, SampleSummary treatment, SampleSummary control) {
    Optional<Comparison> comparison =
        kind == MetricKind.RATE
            ? TwoProportionTest.compare(treatment, control)
            : WelchTest.compare(treatment, control);
    Double mean = finite(treatment.mean());
    Double controlMean = finite(control.mean());
    Double effect =
        experiment.mde() == null || controlMean == null || controlMean == 0
            ? null
            : experiment.mde() * Math.abs(controlMean);
    Long required = required(kind, control, effect);
    Long needed = required == null ? null : Math.max(0, required - treatment.n());
    if (comparison.isEmpty()) {
      Double diff = mean == null || controlMean == null ? null : mean - controlMean;
      return new VariantResult(
          treatment.n(),
          mean,
          diff,
          null,
          null,
          null,
          null,
          null,
          null,
          lift(diff, controlMean),
          required,
          needed);
    }
    Comparison c = comparison.get();
    double sequential = MixtureSequentialTest.pValue(treatment, control, effect);
    return new VariantResult(
        treatment.n(),
        mean,
        c.diff(),
        c.ciLow(),
        c.ciHigh(),
        c.pValue(),
        null,
        finite(sequential),
        null,
        lift(c.diff(), controlMean),
        required,
        needed);
  }

  /** Returns the observations per arm for {@code effect} at the control's rate or variance. */
  private static Long required(MetricKind kind, SampleSummary control, Double effect) {
    if (effect == null || control.n() < 2) {
      return null;
    }
    double mean = control.mean();
    if (kind == MetricKind.RATE) {
      double treated = mean + effect;
      if (!(mean > 0 && mean < 1 && treated > 0 && treated < 1)) {
        return null;
      }
      return SampleSize.forRates(mean, treated, ALPHA, POWER);
    }
    return SampleSize.forMeans(control.variance(), effect, ALPHA, POWER);
  }

  private static void adjust(Map<String, Map<String, VariantResult>> metrics) {
    List<VariantResult> tested = new ArrayList<>();
    List<Double> fixed = new ArrayList<>();
    List<Double> sequential = new ArrayList<>();
    for (Map<String, VariantResult> variants : metrics.values()) {
      for (VariantResult result : variants.values()) {
        if (result.pValue() != null) {
          tested.add(result);
          fixed.add(result.pValue());
          sequential.add(
              result.sequentialPValue() == null ? Double.NaN : result.sequentialPValue());
        }
      }
    }
    List<Double> fixedAdjusted = Holm.adjust(fixed);
    List<Double> sequentialAdjusted = Holm.adjust(sequential);
    for (Map<String, VariantResult> variants : metrics.values()) {
      for (Map.Entry<String, VariantResult> entry : variants.entrySet()) {
        int index = indexOf(tested, entry.getValue());
        if (index >= 0) {
          entry.setValue(
              entry
                  .getValue()
                  .withAdjusted(fixedAdjusted.get(index), finite(sequentialAdjusted.get(index))));
        }
      }
    }
  }

  private static int indexOf(List<VariantResult> results, VariantResult result) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == result) {
        return i;
      }
    }
    return -1;
  }

  private static Double lift(Double diff, Double controlMean) {
    if (diff == null || controlMean == null || controlMean == 0) {
      return null;
    }
    return diff / Math.abs(controlMean);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
