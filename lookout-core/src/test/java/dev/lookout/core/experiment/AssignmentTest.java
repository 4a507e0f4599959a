package dev.lookout.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.experiment.stats.ReferenceValues;
import dev.lookout.core.experiment.stats.SampleRatioTest;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final int USERS = 1_000_000;
  private static double[] buckets;

  @BeforeAll
  static void hashUsers() {
    // The split depends on the bucket alone, so one pass of 1,000,000 ids serves every weight set.
    buckets = new double[USERS];
    for (int i = 0; i < USERS; i++) {
      buckets[i] = Assignment.bucket("split-check", "user-" + i);
    }
  }

  @Test
  void bucketsMatchPythonHashlib() {
    for (JsonNode c : ReferenceValues.get("buckets")) {
      double bucket = Assignment.bucket(c.path("experiment").asText(), c.path("user").asText());
      assertThat(bucket).isEqualTo(c.path("bucket").asDouble());
    }
  }

  @Test
  void bucketsStayBelowOne() {
    for (double bucket : buckets) {
      assertThat(bucket).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
  }

  @Test
  void millionUsersSplitByWeights() {
    List<double[]> weightSets =
        List.of(
            new double[] {1, 1},
            new double[] {0.1, 0.9},
            new double[] {1, 1, 1},
            new double[] {0.5, 0.3, 0.15, 0.05},
            new double[] {2, 5, 3});
    for (double[] weights : weightSets) {
      List<Variant> variants = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      double total = 0;
      for (double weight : weights) {
        total += weight;
      }
      for (int i = 0; i < weights.length; i++) {
        variants.add(new Variant("v" + i, weights[i], null));
        shares.add(weights[i] / total);
      }
      long[] counts = new long[weights.length];
      for (double bucket : buckets) {
        counts[Assignment.choose(variants, bucket)]++;
      }
      List<Long> observed = new ArrayList<>();
      for (long count : counts) {
        observed.add(count);
      }
      assertThat(SampleRatioTest.pValue(observed, shares))
          .as("weights %s split into %s", java.util.Arrays.toString(weights), observed)
          .isGreaterThan(0.001);
    }
  }

  @Test
  void experimentsAreIndependent() {
    // Cross-tabulate two 50/50 experiments over the same users: a shared hash would put the same
    // users in the same arms. Pearson's chi-square test of independence, 1 degree of freedom.
    List<Variant> halves = List.of(new Variant("a", 1, null), new Variant("b", 1, null));
    long[][] table = new long[2][2];
    int users = 200_000;
    for (int i = 0; i < users; i++) {
      int first = Assignment.choose(halves, buckets[i]);
      int second = Assignment.choose(halves, Assignment.bucket("other-experiment", "user-" + i));
      table[first][second]++;
    }
    double statistic = 0;
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        double expected =
            (double) (table[r][0] + table[r][1]) * (table[0][c] + table[1][c]) / users;
        statistic += Math.pow(table[r][c] - expected, 2) / expected;
      }
    }
    double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
    assertThat(p).isGreaterThan(0.001);
  }

  @Test
  void assignmentIsSticky() {
    Experiment experiment =
        Experiment.of("sticky", "a", List.of(new Variant("a", 1, null), new Variant("b", 1, null)));
    String first = experiment.assign("jürgen@example.com").name();
    for (int i = 0; i < 10; i++) {
      assertThat(experiment.assign("jürgen@example.com").name()).isEqualTo(first);
    }
  }

  @Test
  void weightsAreNormalised() {
    Experiment experiment =
        Experiment.of("norm", "a", List.of(new Variant("a", 3, null), new Variant("b", 1, null)));
    assertThat(experiment.normalisedWeights().get(0)).isCloseTo(0.75, withinPercentage(1e-9));
    assertThat(experiment.normalisedWeights().get(1)).isCloseTo(0.25, withinPercentage(1e-9));
  }

  @Test
  void bucketNearOneGetsLastVariant() {
    List<Variant> variants =
        List.of(
            new Variant("a", 0.1, null), new Variant("b", 0.2, null), new Variant("c", 0, null));
    assertThat(Assignment.choose(variants, Math.nextDown(1.0))).isEqualTo(1);
  }

  @Test
  void zeroWeightGetsNoUsers() {
    List<Variant> variants =
        List.of(new Variant("a", 1, null), new Variant("off", 0, null), new Variant("c", 1, null));
    for (int i = 0; i < 10_000; i++) {
      assertThat(Assignment.choose(variants, buckets[i])).isNotEqualTo(1);
    }
  }
}
