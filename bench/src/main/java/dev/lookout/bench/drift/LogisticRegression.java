package dev.lookout.bench.drift;

import java.util.Arrays;

/**
 * Logistic regression with an L2 penalty on the weights (not on the intercept), fitted by Newton's
 * method with step halving. It minimises the summed log loss plus {@code penalty / 2} times the
 * squared norm of the weights, so the penalty's scale is that of a sum over samples. The features
 * should be standardised, so that one penalty suits them all.
 */
final class LogisticRegression {
  private static final int MAX_ITERATIONS = 100;

  /** Stops when half the Newton decrement, the predicted decrease of the loss, is below this. */
  private static final double TOLERANCE = 1e-9;

  private final double[] weights;
  private final double intercept;

  private LogisticRegression(double[] weights, double intercept) {
    this.weights = weights;
    this.intercept = intercept;
  }

  /**
   * Fits the model.
   *
   * @param x one row of features per sample
   * @param positive whether each sample belongs to the class that scores high
   * @param penalty weight of the squared norm of the weights, above 0
   * @param start model to start from (warm start), or null to start from zero
   * @throws IllegalStateException if Newton's method does not converge
   */
  static LogisticRegression fit(
      double[][] x, boolean[] positive, double penalty, LogisticRegression start) {
    int n = x.length;
    int d = x[0].length;
    // Parameters: the d weights, then the intercept. The columns hold the transposed features
    // with a last column of ones, so each Hessian entry is one dot product over samples.
    double[][] columns = new double[d + 1][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        columns[j][i] = x[i][j];
      }
      columns[d][i] = 1;
    }
    double[] beta = new double[d + 1];
    if (start != null) {
      System.arraycopy(start.weights, 0, beta, 0, d);
      beta[d] = start.intercept;
    }
    double[] eta = linear(columns, beta, n);
    double loss = loss(eta, positive, beta, penalty);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[d + 1];
      double[] curvature = new double[n];
      double[] residual = new double[n];
      for (int i = 0; i < n; i++) {
        double p = sigmoid(eta[i]);
        residual[i] = p - (positive[i] ? 1 : 0);
        curvature[i] = p * (1 - p);
      }
      for (int j = 0; j <= d; j++) {
        gradient[j] = dot(columns[j], residual) + (j < d ? penalty * beta[j] : 0);
      }
      double[][] hessian = hessian(columns, curvature, penalty);
      double[] step = Cholesky.solve(hessian, gradient);
      double decrement = dot(step, gradient) / 2;
      if (decrement < TOLERANCE) {
        return new LogisticRegression(Arrays.copyOf(beta, d), beta[d]);
      }
      double scale = 1;
      while (true) {
        double[] trial = new double[d + 1];
        for (int j = 0; j <= d; j++) {
          trial[j] = beta[j] - scale * step[j];
        }
        double[] trialEta = linear(columns, trial, n);
        double trialLoss = loss(trialEta, positive, trial, penalty);
        if (trialLoss <= loss || scale < 1e-10) {
          beta = trial;
          eta = trialEta;
          loss = trialLoss;
          break;
        }
        scale /= 2;
      }
    }
    throw new IllegalStateException(
        "Logistic regression did not converge in " + MAX_ITERATIONS + " Newton steps");
  }

  /** Returns the log-odds of the high-scoring class for one row of features. */
  double score(double[] features) {
    double sum = intercept;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * features[j];
    }
    return sum;
  }

  /** Returns the summed log loss of the model on {@code x}, without the penalty. */
  double logLoss(double[][] x, boolean[] positive) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += logLoss(score(x[i]), positive[i]);
    }
    return sum;
  }

  private static double[][] hessian(double[][] columns, double[] curvature, double penalty) {
    int p = columns.length;
    int n = curvature.length;
    double[][] weighted = new double[p][n];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        weighted[j][i] = curvature[i] * columns[j][i];
      }
    }
    double[][] hessian = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        double value = dot(weighted[j], columns[k]);
        hessian[j][k] = value;
        hessian[k][j] = value;
      }
      // The intercept, last, is not penalised, so a tiny ridge keeps the matrix positive definite.
      hessian[j][j] += j < p - 1 ? penalty : 1e-9;
    }
    return hessian;
  }

  private static double[] linear(double[][] columns, double[] beta, int n) {
    double[] eta = new double[n];
    for (int j = 0; j < columns.length; j++) {
      double b = beta[j];
      double[] column = columns[j];
      for (int i = 0; i < n; i++) {
        eta[i] += b * column[i];
      }
    }
    return eta;
  }

  private static double loss(double[] eta, boolean[] positive, double[] beta, double penalty) {
    double sum = 0;
    for (int i = 0; i < eta.length; i++) {
      sum += logLoss(eta[i], positive[i]);
    }
    double norm = 0;
    for (int j = 0; j < beta.length - 1; j++) {
      norm += beta[j] * beta[j];
    }
    return sum + penalty / 2 * norm;
  }

  /** Returns -log P(label) for log-odds {@code eta}, computed without overflow. */
  private static double logLoss(double eta, boolean positive) {
    double margin = positive ? eta : -eta;
    return margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
  }

  private static double sigmoid(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
