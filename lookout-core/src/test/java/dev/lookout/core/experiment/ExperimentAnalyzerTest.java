package dev.lookout.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.experiment.stats.SampleSummary;
import dev.lookout.core.experiment.stats.TwoProportionTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentAnalyzerTest {
  private static final Experiment EXPERIMENT =
      new Experiment(
          "e1",
          "a",
          List.of(new Variant("a", 1, null), new Variant("b", 1, null)),
          List.of("thumbs_up", "latency_ms"),
          0.1,
          null,
          null);

  private static ExperimentData data() {
    return new ExperimentData(
        Map.of("a", 1000L, "b", 1010L),
        Map.of(
            "thumbs_up",
            Map.of(
                "a",
                SampleSummary.ofSuccesses(300, 1000),
                "b",
                SampleSummary.ofSuccesses(360, 1010)),
            "latency_ms",
            Map.of("a", SampleSummary.of(100, 120, 110, 90), "b", SampleSummary.of(95, 105, 99))),
        Map.of("thumbs_up", MetricKind.RATE, "latency_ms", MetricKind.MEAN));
  }

  @Test
  void controlHasNullComparison() {
    JsonNode control =
        AnalysisJson.toJson(ExperimentAnalyzer.analyze(EXPERIMENT, data()))
            .path("metrics")
            .path("thumbs_up")
            .path("a");
    assertThat(control.path("n").asLong()).isEqualTo(1000);
    assertThat(control.path("diff").isNull()).isTrue();
    assertThat(control.path("ci95").isNull()).isTrue();
    assertThat(control.path("p_value").isNull()).isTrue();
    assertThat(control.path("n_needed").isNull()).isTrue();
  }

  @Test
  void treatmentUsesZTestForRates() {
    JsonNode b =
        AnalysisJson.toJson(ExperimentAnalyzer.analyze(EXPERIMENT, data()))
            .path("metrics")
            .path("thumbs_up")
            .path("b");
    double expected =
        TwoProportionTest.compare(
                SampleSummary.ofSuccesses(360, 1010), SampleSummary.ofSuccesses(300, 1000))
            .orElseThrow()
            .pValue();
    assertThat(b.path("p_value").asDouble()).isEqualTo(expected);
    assertThat(b.path("diff").asDouble()).isCloseTo(360.0 / 1010 - 0.3, within());
    assertThat(b.path("ci95").size()).isEqualTo(2);
    assertThat(b.path("relative_lift").asDouble()).isCloseTo((360.0 / 1010 - 0.3) / 0.3, within());
  }

  @Test
  void holmDoublesSmallestOfTwo() {
    JsonNode metrics =
        AnalysisJson.toJson(ExperimentAnalyzer.analyze(EXPERIMENT, data())).path("metrics");
    double rate = metrics.path("thumbs_up").path("b").path("p_value").asDouble();
    double latency = metrics.path("latency_ms").path("b").path("p_value").asDouble();
    double smallest = Math.min(rate, latency);
    JsonNode smallestNode = rate < latency ? metrics.path("thumbs_up") : metrics.path("latency_ms");
    assertThat(smallestNode.path("b").path("p_value_adjusted").asDouble())
        .isCloseTo(Math.min(1, 2 * smallest), within());
  }

  @Test
  void sampleSizeForRelativeMde() {
    JsonNode b =
        AnalysisJson.toJson(ExperimentAnalyzer.analyze(EXPERIMENT, data()))
            .path("metrics")
            .path("thumbs_up")
            .path("b");
    long required = dev.lookout.core.experiment.stats.SampleSize.forRates(0.3, 0.33, 0.05, 0.8);
    assertThat(b.path("n_required").asLong()).isEqualTo(required);
    assertThat(b.path("n_needed").asLong()).isEqualTo(required - 1010);
  }

  @Test
  void balancedSplitHasNoMismatch() {
    ExperimentAnalysis analysis = ExperimentAnalyzer.analyze(EXPERIMENT, data());
    assertThat(analysis.srmMismatch()).isFalse();
    assertThat(analysis.srmPValue()).isGreaterThan(0.5);
  }

  @Test
  void skewedSplitIsFlagged() {
    ExperimentData skewed = new ExperimentData(Map.of("a", 1000L, "b", 1300L), Map.of(), Map.of());
    assertThat(ExperimentAnalyzer.analyze(EXPERIMENT, skewed).srmMismatch()).isTrue();
  }

  @Test
  void missingVariantCountsAsEmpty() {
    ExperimentData onlyControl =
        new ExperimentData(
            Map.of("a", 3L),
            Map.of("latency_ms", Map.of("a", SampleSummary.of(1, 2, 3))),
            Map.of("latency_ms", MetricKind.MEAN));
    JsonNode b =
        AnalysisJson.toJson(ExperimentAnalyzer.analyze(EXPERIMENT, onlyControl))
            .path("metrics")
            .path("latency_ms")
            .path("b");
    assertThat(b.path("n").asLong()).isZero();
    assertThat(b.path("p_value").isNull()).isTrue();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
