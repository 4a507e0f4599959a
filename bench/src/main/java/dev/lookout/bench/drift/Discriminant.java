package dev.lookout.bench.drift;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A linear discriminant between two sources of texts: logistic regression on standardised features,
 * its L2 penalty chosen by cross-validation. Folds are whole groups (prompts), so that a prompt's
 * answers never sit on both sides of a fold.
 *
 * @param means feature means of the fitting texts
 * @param deviations feature standard deviations of the fitting texts, 1 where a feature is constant
 * @param model the regression refitted on all fitting texts with the chosen penalty
 * @param penalty the chosen penalty
 */
record Discriminant(double[] means, double[] deviations, LogisticRegression model, double penalty) {

  /**
   * Penalties tried, in steps of about the square root of 10, largest first so that each fit starts
   * from the previous one.
   */
  static final double[] PENALTIES = {1e4, 3e3, 1e3, 300, 100, 30, 10, 3, 1};

  /**
   * Fits the discriminant.
   *
   * @param x one row of raw features per fitting text
   * @param positive whether each text comes from the source that should score high
   * @param group each text's group (its prompt's number), so that group {@code g} is in fold {@code
   *     g % folds}
   * @param folds number of cross-validation folds, at least 2
   */
  static Discriminant fit(double[][] x, boolean[] positive, int[] group, int folds) {
    int d = x[0].length;

    double[] means = new double[d];
    double[] deviations = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        means[j] += row[j] / x.length;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        deviations[j] += (row[j] - means[j]) * (row[j] - means[j]) / (x.length - 1);
      }
    }
    for (int j = 0; j < d; j++) {
      deviations[j] = deviations[j] > 1e-24 ? Math.sqrt(deviations[j]) : 1;
    }

    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = standardise(x[i], means, deviations);
    }

    double[] heldOutLoss = new double[PENALTIES.length];
    for (int fold = 0; fold < folds; fold++) {
      int f = fold;
      int[] train = indices(group, g -> g % folds != f);
      int[] test = indices(group, g -> g % folds == f);
      LogisticRegression previous = null;
      for (int k = 0; k < PENALTIES.length; k++) {
        previous =
            LogisticRegression.fit(pick(z, train), pick(positive, train), PENALTIES[k], previous);
        heldOutLoss[k] += previous.logLoss(pick(z, test), pick(positive, test));
      }
    }

    int best = 0;
    for (int k = 1; k < PENALTIES.length; k++) {
      if (heldOutLoss[k] < heldOutLoss[best]) {
        best = k;
      }
    }
    LogisticRegression model = LogisticRegression.fit(z, positive, PENALTIES[best], null);
    return new Discriminant(means, deviations, model, PENALTIES[best]);
  }

  /** Returns the log-odds that {@code features} (raw) come from the high-scoring source. */
  double score(double[] features) {
    return model.score(standardise(features, means, deviations));
  }

  private static double[] standardise(double[] row, double[] means, double[] deviations) {
    double[] z = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      z[j] = (row[j] - means[j]) / deviations[j];
    }
    return z;
  }

  private static int[] indices(int[] group, IntPredicate keep) {
    return IntStream.range(0, group.length).filter(i -> keep.test(group[i])).toArray();
  }

  private static double[][] pick(double[][] rows, int[] indices) {
    return Arrays.stream(indices).mapToObj(i -> rows[i]).toArray(double[][]::new);
  }

  private static boolean[] pick(boolean[] values, int[] indices) {
    boolean[] picked = new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return picked;
  }
}
