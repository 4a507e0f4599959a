package dev.lookout.core.experiment.stats;

import static dev.lookout.core.experiment.stats.ReferenceValues.RELATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Checks every statistic against scipy's values to a relative 1e-6. */
class ReferenceStatsTest {
  private static final Percentage TOLERANCE = withinPercentage(RELATIVE * 100);

  @Test
  void welchMatchesScipy() {
    for (JsonNode c : ReferenceValues.get("welch")) {
      Comparison result =
          WelchTest.compare(
                  ReferenceValues.summary(c.path("treatment")),
                  ReferenceValues.summary(c.path("control")))
              .orElseThrow();
      assertThat(result.diff()).isCloseTo(c.path("diff").asDouble(), TOLERANCE);
      assertThat(result.statistic()).isCloseTo(c.path("statistic").asDouble(), TOLERANCE);
      assertThat(result.pValue()).isCloseTo(c.path("p_value").asDouble(), TOLERANCE);
      assertThat(result.ciLow()).isCloseTo(c.path("ci_low").asDouble(), TOLERANCE);
      assertThat(result.ciHigh()).isCloseTo(c.path("ci_high").asDouble(), TOLERANCE);
      assertThat(
              WelchTest.pValue(
                  ReferenceValues.summary(c.path("treatment")),
                  ReferenceValues.summary(c.path("control"))))
          .isCloseTo(c.path("p_value").asDouble(), TOLERANCE);
    }
  }

  @Test
  void proportionsMatchScipy() {
    for (JsonNode c : ReferenceValues.get("proportions")) {
      Comparison result =
          TwoProportionTest.compare(
                  SampleSummary.ofSuccesses(
                      c.path("successes_treatment").asLong(), c.path("n_treatment").asLong()),
                  SampleSummary.ofSuccesses(
                      c.path("successes_control").asLong(), c.path("n_control").asLong()))
              .orElseThrow();
      assertThat(result.diff()).isCloseTo(c.path("diff").asDouble(), TOLERANCE);
      assertThat(result.pValue()).isCloseTo(c.path("p_value").asDouble(), TOLERANCE);
      assertThat(result.ciLow()).isCloseTo(c.path("ci_low").asDouble(), TOLERANCE);
      assertThat(result.ciHigh()).isCloseTo(c.path("ci_high").asDouble(), TOLERANCE);
    }
  }

  @Test
  void sampleRatioMatchesScipy() {
    for (JsonNode c : ReferenceValues.get("srm")) {
      List<Long> observed = new ArrayList<>();
      c.path("observed").forEach(v -> observed.add(v.asLong()));
      List<Double> shares = new ArrayList<>();
      double total = 0;
      for (JsonNode w : c.path("weights")) {
        total += w.asDouble();
      }
      for (JsonNode w : c.path("weights")) {
        shares.add(w.asDouble() / total);
      }
      assertThat(SampleRatioTest.pValue(observed, shares))
          .isCloseTo(c.path("p_value").asDouble(), TOLERANCE);
    }
  }

  @Test
  void sampleSizeMatchesScipy() {
    for (JsonNode c : ReferenceValues.get("sample_size").path("rates")) {
      double n =
          SampleSize.forRatesExact(
              c.path("p1").asDouble(),
              c.path("p2").asDouble(),
              c.path("alpha").asDouble(),
              c.path("power").asDouble());
      assertThat(n).isCloseTo(c.path("n").asDouble(), TOLERANCE);
    }
    for (JsonNode c : ReferenceValues.get("sample_size").path("means")) {
      double n =
          SampleSize.forMeansExact(
              c.path("variance").asDouble(),
              c.path("delta").asDouble(),
              c.path("alpha").asDouble(),
              c.path("power").asDouble());
      assertThat(n).isCloseTo(c.path("n").asDouble(), TOLERANCE);
    }
  }

  @Test
  void sampleSizeRoundsUp() {
    assertThat(SampleSize.forRates(0.10, 0.12, 0.05, 0.8))
        .isEqualTo((long) Math.ceil(SampleSize.forRatesExact(0.10, 0.12, 0.05, 0.8)));
  }

  @Test
  void msprtMatchesReference() {
    for (JsonNode c : ReferenceValues.get("msprt")) {
      double p =
          MixtureSequentialTest.pValue(
              c.path("diff").asDouble(),
              c.path("variance").asDouble(),
              c.path("tau_squared").asDouble());
      assertThat(p).isCloseTo(c.path("p_value").asDouble(), TOLERANCE);
    }
  }

  @Test
  void holmMatchesReference() {
    for (JsonNode c : ReferenceValues.get("holm")) {
      List<Double> input = new ArrayList<>();
      c.path("p_values").forEach(v -> input.add(v.asDouble()));
      List<Double> adjusted = Holm.adjust(input);
      for (int i = 0; i < input.size(); i++) {
        assertThat(adjusted.get(i)).isCloseTo(c.path("adjusted").get(i).asDouble(), TOLERANCE);
      }
    }
  }

  @Test
  void holmKeepsNaN() {
    List<Double> adjusted = Holm.adjust(List.of(0.01, Double.NaN, 0.04));
    assertThat(adjusted.get(1)).isNaN();
    assertThat(adjusted.get(0)).isCloseTo(0.02, TOLERANCE);
    assertThat(adjusted.get(2)).isCloseTo(0.04, TOLERANCE);
  }

  @Test
  void welchNeedsTwoObservations() {
    assertThat(WelchTest.compare(SampleSummary.of(1), SampleSummary.of(1, 2, 3))).isEmpty();
  }

  @Test
  void proportionsUndefinedWhenAllZero() {
    assertThat(
            TwoProportionTest.compare(
                SampleSummary.ofSuccesses(0, 10), SampleSummary.ofSuccesses(0, 12)))
        .isEmpty();
  }

  @Test
  void sampleRatioZeroWeightWithUnits() {
    assertThat(SampleRatioTest.pValue(List.of(10L, 10L, 1L), List.of(0.5, 0.5, 0.0))).isZero();
  }
}
