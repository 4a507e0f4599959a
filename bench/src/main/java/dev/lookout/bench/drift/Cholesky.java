package dev.lookout.bench.drift;

/** Solves a symmetric positive definite linear system by Cholesky decomposition. */
final class Cholesky {
  private Cholesky() {}

  /**
   * Returns x with {@code matrix} x = {@code right}; {@code matrix} is left unchanged.
   *
   * @throws IllegalArgumentException if the matrix is not positive definite
   */
  static double[] solve(double[][] matrix, double[] right) {
    int p = right.length;
    double[][] lower = new double[p][p];
    for (int j = 0; j < p; j++) {
      double diagonal = matrix[j][j];
      for (int k = 0; k < j; k++) {
        diagonal -= lower[j][k] * lower[j][k];
      }
      if (diagonal <= 0) {
        throw new IllegalArgumentException("Matrix is not positive definite at row " + j);
      }
      lower[j][j] = Math.sqrt(diagonal);
      for (int i = j + 1; i < p; i++) {
        double sum = matrix[i][j];
        double[] rowI = lower[i];
        double[] rowJ = lower[j];
        for (int k = 0; k < j; k++) {
          sum -= rowI[k] * rowJ[k];
        }
        lower[i][j] = sum / lower[j][j];
      }
    }
    double[] y = new double[p];
    for (int i = 0; i < p; i++) {
      double sum = right[i];
      for (int k = 0; k < i; k++) {
        sum -= lower[i][k] * y[k];
      }
      y[i] = sum / lower[i][i];
    }
    double[] x = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < p; k++) {
        sum -= lower[k][i] * x[k];
      }
      x[i] = sum / lower[i][i];
    }
    return x;
  }
}
